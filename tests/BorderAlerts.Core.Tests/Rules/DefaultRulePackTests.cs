using System.Text.Json;
using BorderAlerts.Core.Rules;
using BorderAlerts.Core.Rules.Matching;

namespace BorderAlerts.Core.Tests.Rules;

/// <summary>The shipped rules.yaml against labelled headlines in six language variants, hard negatives included.</summary>
public class DefaultRulePackTests
{
    static readonly string RulesPath = Path.Combine(AppContext.BaseDirectory, "../../../../../config/rules.yaml");
    static readonly Lazy<RuleSet> Pack = new(() => RuleSet.Compile(RulesFile.Load(RulesPath)));

    public sealed record Headline(string Id, string Lang, string Source, string Title, string Text, string[] Expect)
    {
        public override string ToString() => Id;
    }

    static List<Headline> Load()
    {
        var options = new JsonSerializerOptions { PropertyNameCaseInsensitive = true };
        return File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "rules", "headlines.jsonl"))
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .Select(line => JsonSerializer.Deserialize<Headline>(line, options)!).ToList();
    }

    public static TheoryData<Headline> Headlines()
    {
        var data = new TheoryData<Headline>();
        foreach (var headline in Load()) data.Add(headline);
        return data;
    }

    [Fact]
    public void The_shipped_pack_compiles_without_problems()
    {
        Assert.Empty(Pack.Value.Problems);
        Assert.True(Pack.Value.Rules.Count >= 8);
    }

    [Theory]
    [MemberData(nameof(Headlines))]
    public void Each_labelled_headline_fires_exactly_the_expected_rules(Headline headline)
    {
        var matches = Pack.Value.Matcher.Match(new MatchInput(headline.Title, headline.Text, headline.Lang, headline.Source));
        Assert.Equal(headline.Expect.Order(), matches.Select(m => m.RuleId).Order());
    }

    [Fact]
    public void The_labelled_set_covers_every_language_with_hard_negatives()
    {
        var all = Load();
        foreach (var lang in new[] { "en", "zh-Hans", "zh-Hant", "ko-KR", "ko-KP", "ja" })
        {
            Assert.True(all.Count(h => h.Lang == lang && h.Expect.Length > 0) >= 15, $"{lang}: too few positives");
            Assert.True(all.Count(h => h.Lang == lang && h.Expect.Length == 0) >= 10, $"{lang}: too few negatives");
        }
    }
}
