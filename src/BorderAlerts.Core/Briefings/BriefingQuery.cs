using BorderAlerts.Core.Rules;
using BorderAlerts.Core.Rules.Matching;
using BorderAlerts.Core.Rules.Query;
using BorderAlerts.Core.Storage;

namespace BorderAlerts.Core.Briefings;

/// <summary>A briefing's <c>query:</c> compiled as a rule over the concepts and watchlists in force, as search and back-tests compile theirs.</summary>
public static class BriefingQuery
{
    /// <summary>What is wrong with the query for briefings.yaml's error, or null when it compiles.</summary>
    public static string? Problem(string query, RuleSet rules)
    {
        try { QueryParser.Parse(query, rules.Concepts, rules.Watchlists); return null; }
        catch (QuerySyntaxException e) { return $"column {e.Column}: {e.Problem}"; }
    }

    /// <summary>The alerts whose item matches the query; every alert when there is none.</summary>
    public static IReadOnlyList<BriefingAlert> Filter(IReadOnlyList<BriefingAlert> alerts, string? query, RuleSet rules)
    {
        if (query is null) return alerts;
        var rule = new RuleDefinition("briefing-query", "briefing query", query, Severity.Normal, [], Enabled: true);
        var matcher = RuleMatcher.Compile([(rule, QueryParser.Parse(query, rules.Concepts, rules.Watchlists))]);
        var matching = alerts.GroupBy(a => a.ItemId).Where(g => g.First() is var a && matcher.Match(new MatchInput(a.Title, a.Text, a.Language, a.FeedId)).Count > 0)
            .Select(g => g.Key).ToHashSet();
        return [.. alerts.Where(a => matching.Contains(a.ItemId))];
    }
}
