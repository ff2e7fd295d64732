using BorderAlerts.Core.Rules.Matching;

namespace BorderAlerts.Core.Rules.Evaluation;

/// <summary>Counts for one slice of a corpus (all of it, a language, a rule).</summary>
public sealed record EvalScore(string Name, int Items, int Relevant, int Alerted, int TruePositives)
{
    /// <summary>Share of alerts that were relevant; 1 when nothing alerted (no false alarm was raised).</summary>
    public double Precision => Alerted == 0 ? 1 : (double)TruePositives / Alerted;

    /// <summary>Share of relevant items that alerted; 1 when the slice holds none.</summary>
    public double Recall => Relevant == 0 ? 1 : (double)TruePositives / Relevant;
}

/// <summary>An item the rules got wrong: a miss (relevant, no alert) or a false alarm (not relevant, alerted).</summary>
public sealed record EvalError(EvalItem Item, IReadOnlyList<string> Rules);

/// <summary>
/// One rule over the corpus: its alerts and how many were relevant; where items name the rules they expect, how many
/// of those this rule caught.
/// </summary>
public sealed record RuleScore(string Rule, int Alerts, int RelevantAlerts, int Expected, int Caught)
{
    public double Precision => Alerts == 0 ? 1 : (double)RelevantAlerts / Alerts;
    public double? Recall => Expected == 0 ? null : (double)Caught / Expected;
}

public sealed record EvalReport(EvalScore Overall, IReadOnlyList<EvalScore> Languages, IReadOnlyList<RuleScore> Rules,
    IReadOnlyList<EvalError> Misses, IReadOnlyList<EvalError> FalseAlarms);

/// <summary>Runs a rule set over a labelled corpus: an item alerts when any rule matches it.</summary>
public static class RuleEvaluation
{
    public static EvalReport Run(RuleSet rules, IReadOnlyList<EvalItem> items)
    {
        var results = items.Select(item => (Item: item, Rules: rules.Matcher.Match(new MatchInput(item.Title, item.Text, item.Lang, item.Source))
            .Select(m => m.RuleId).ToList())).ToList();
        var overall = Score("all", results);
        var languages = results.GroupBy(r => r.Item.Lang ?? "(none)").OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Score(g.Key, g.ToList())).ToList();
        var ruleScores = rules.Rules.Where(r => r.Enabled).Select(rule => new RuleScore(rule.Id,
            results.Count(r => r.Rules.Contains(rule.Id)),
            results.Count(r => r.Rules.Contains(rule.Id) && r.Item.Relevant),
            results.Count(r => r.Item.Expect.Contains(rule.Id)),
            results.Count(r => r.Item.Expect.Contains(rule.Id) && r.Rules.Contains(rule.Id)))).ToList();
        var misses = results.Where(r => r.Item.Relevant && r.Rules.Count == 0).Select(r => new EvalError(r.Item, r.Rules)).ToList();
        var falseAlarms = results.Where(r => !r.Item.Relevant && r.Rules.Count > 0).Select(r => new EvalError(r.Item, r.Rules)).ToList();
        return new EvalReport(overall, languages, ruleScores, misses, falseAlarms);
    }

    static EvalScore Score(string name, List<(EvalItem Item, List<string> Rules)> results) => new(name, results.Count,
        results.Count(r => r.Item.Relevant), results.Count(r => r.Rules.Count > 0), results.Count(r => r.Item.Relevant && r.Rules.Count > 0));
}
