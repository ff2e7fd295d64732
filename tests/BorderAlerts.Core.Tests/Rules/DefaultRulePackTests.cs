using System.Text.Json;
using BorderAlerts.Core.Rules;
using BorderAlerts.Core.Rules.ListConcepts;
using BorderAlerts.Core.Rules.Matching;
using BorderAlerts.Core.Watchlists;

namespace BorderAlerts.Core.Tests.Rules;

/// <summary>The shipped rules.yaml against labelled headlines in six language variants, hard negatives included.</summary>
public class DefaultRulePackTests
{
    static readonly string RulesPath = Path.Combine(AppContext.BaseDirectory, "../../../../../config/rules.yaml");
    static readonly string WatchlistsPath = Path.Combine(AppContext.BaseDirectory, "../../../../../config/watchlists.yaml");
    /// <summary>As the service compiles it with no list loaded (they ship disabled): the watchlist rule names declared lists.</summary>
    static readonly Lazy<RuleSet> Pack = new(() => RuleSet.Compile(RulesFile.Load(RulesPath), WatchlistConceptSource.Load(NoWatchlists.Instance, WatchlistsPath)));

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

    [Fact]
    public void The_watchlist_rule_compiles_with_no_list_loaded_and_matches_nothing()
    {
        Assert.Contains(Pack.Value.Rules, r => r.Id == "watchlist-designee");
        var matches = Pack.Value.Matcher.Match(new MatchInput("US sanctions the tanker YUK TUNG (IMO 9030591) and Korea Mining Development Trading Corporation", ""));
        Assert.DoesNotContain(matches, m => m.RuleId == "watchlist-designee");
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
