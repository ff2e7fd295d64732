using BorderAlerts.Core.Rules;
using BorderAlerts.Core.Rules.Evaluation;

namespace BorderAlerts.Core.Tests.Rules.Evaluation;

/// <summary>
/// The shipped pack on the held-out part of the evaluation corpus (real reporting, never tuned on; Fixtures/eval/README.md):
/// the quality bar of the default rules.
/// </summary>
public class HeldOutCorpusTests
{
    static readonly string RulesPath = Path.Combine(AppContext.BaseDirectory, "../../../../../config/rules.yaml");
    static string Part(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "eval", name + ".jsonl");

    static (IReadOnlyList<EvalItem> Items, IReadOnlyList<EvalProblem> Problems) Read(string name)
    {
        using var reader = new StreamReader(Part(name));
        return EvalCorpus.Read(Part(name), reader);
    }

    [Fact]
    public void The_shipped_pack_reaches_precision_95_and_recall_90_on_the_held_out_part()
    {
        var (items, problems) = Read("holdout");
        Assert.Empty(problems);
        var report = RuleEvaluation.Run(RuleSet.Compile(RulesFile.Load(RulesPath)), items);
        var misses = string.Join("\n", report.Misses.Select(m => $"miss {m.Item.Id}: {m.Item.Title}"));
        var alarms = string.Join("\n", report.FalseAlarms.Select(m => $"false alarm {m.Item.Id}: {m.Item.Title} ← {string.Join(", ", m.Rules)}"));
        Assert.True(report.Overall.Precision >= 0.95, $"precision {report.Overall.Precision:0.000}\n{alarms}");
        Assert.True(report.Overall.Recall >= 0.90, $"recall {report.Overall.Recall:0.000}\n{misses}");
    }

    [Theory]
    [InlineData("tune")]
    [InlineData("holdout")]
    public void Each_part_reads_without_problems_and_every_line_says_where_it_was_found(string part)
    {
        var (items, problems) = Read(part);
        Assert.Empty(problems);
        var lines = File.ReadLines(Part(part)).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement).ToList();
        Assert.All(lines, line => Assert.False(string.IsNullOrWhiteSpace(line.GetProperty("url").GetString())));
        Assert.Equal(lines.Count, items.Count);
    }

    [Fact]
    public void The_corpus_holds_at_least_100_items_per_language_about_half_relevant_and_the_parts_do_not_overlap()
    {
        var tune = Read("tune").Items;
        var holdout = Read("holdout").Items;
        Assert.Empty(tune.Select(i => i.Id).Intersect(holdout.Select(i => i.Id)));
        Assert.Empty(tune.Select(i => i.Title).Intersect(holdout.Select(i => i.Title)));
        var all = tune.Concat(holdout).ToList();
        Assert.True(all.Count >= 600);
        foreach (var lang in new[] { "en", "zh-Hans", "zh-Hant", "ko-KR", "ko-KP", "ja" })
        {
            var items = all.Where(i => i.Lang == lang).ToList();
            Assert.True(items.Count >= 100, $"{lang}: {items.Count} items");
            Assert.InRange(items.Count(i => i.Relevant) / (double)items.Count, 0.3, 0.75);
        }
    }
}
