using BorderAlerts.Core.Storage;

namespace BorderAlerts.Core.Briefings;

/// <summary>
/// Makes a <see cref="Brief"/> from the alerts of a window and the period before it (pure). An item counts once however many
/// rules it matched; items of one story are one story, whose outlets are the feeds that carried any of them. Stories rank
/// by severity, then outlets, then recency; the top ones are grouped by rule, groups in the order of their best story.
/// </summary>
public static class BriefComposer
{
    public static Brief Compose(BriefingDefinition briefing, IReadOnlyList<BriefingAlert> alerts, DateTimeOffset from, DateTimeOffset to)
    {
        var items = alerts.GroupBy(a => a.ItemId).Select(g => new AlertedItem(g.ToList())).ToList();
        var inWindow = items.Where(i => i.First >= from && i.First < to).ToList();
        var stories = inWindow.GroupBy(i => i.Lead.StoryId ?? -i.Lead.ItemId).Select(Story)
            .OrderByDescending(s => s.Story.Severity).ThenByDescending(s => s.Story.Outlets).ThenByDescending(s => s.Story.Latest)
            .ToList();
        var groups = stories.Take(briefing.Top).GroupBy(s => s.Rule)
            .Select(g => new BriefGroup(g.Key.Id, g.Key.Name, [.. g.Select(s => s.Story)])).ToList();
        return new Brief(briefing.Id, briefing.Name, from, to, briefing.TimeZone, inWindow.Count, stories.Count, groups,
            Counts(inWindow.Select(i => i.Lead.FeedId)), Counts(inWindow.Select(i => i.Lead.Language ?? "unknown")),
            VolumeSeries.Of(items.Select(i => i.First), from, to));
    }

    static List<BriefCount> Counts(IEnumerable<string> names) =>
        [.. names.GroupBy(n => n).Select(g => new BriefCount(g.Key, g.Count())).OrderByDescending(c => c.Items).ThenBy(c => c.Name, StringComparer.Ordinal)];

    static ((string Id, string Name) Rule, BriefStory Story) Story(IEnumerable<AlertedItem> reports)
    {
        var all = reports.ToList();
        var lead = all.OrderByDescending(i => i.Severity).ThenBy(i => i.First).ThenBy(i => i.Lead.ItemId).First();
        var rule = lead.Alerts.OrderByDescending(a => a.Severity).ThenBy(a => a.RuleId, StringComparer.Ordinal).First();
        var outlets = all.SelectMany(i => i.Lead.Feeds.Append(i.Lead.FeedId)).Distinct(StringComparer.Ordinal).Count();
        var item = lead.Lead;
        return ((rule.RuleId, rule.RuleName), new BriefStory(item.Title, item.TranslatedTitle, item.Url, item.FeedId, item.Language,
            lead.Severity, outlets, all.Count, all.Max(i => i.Last)));
    }

    /// <summary>One item and its alerts (one per rule it matched).</summary>
    sealed record AlertedItem(IReadOnlyList<BriefingAlert> Alerts)
    {
        public BriefingAlert Lead => Alerts[0];
        public Rules.Severity Severity => Alerts.Max(a => a.Severity);
        public DateTimeOffset First => Alerts.Min(a => a.AlertedAt);
        public DateTimeOffset Last => Alerts.Max(a => a.AlertedAt);
    }
}
