using System.Globalization;
using BorderAlerts.Core.Delivery;
using BorderAlerts.Core.Feeds;

namespace BorderAlerts.Core.Briefings;

/// <summary>
/// A <see cref="Brief"/> as a platform-free <see cref="ChatReport"/>: a section per rule with its top stories (title, link,
/// source, language, severity, outlets, translated title), then the counts by source and language. A quiet window is its
/// one-line summary and nothing else. Times are in the briefing's time zone.
/// </summary>
public static class BriefReport
{
    public const string ChartFileName = "briefing-volume.png";

    public static ChatReport Of(Brief brief, string? query, byte[]? chartPng)
    {
        var period = $"{Local(brief.From, brief.TimeZone)} – {Local(brief.To, brief.TimeZone)} ({brief.TimeZone.Id})";
        var title = $"{brief.Name} · {Local(brief.To, brief.TimeZone)}";
        var scope = query is null ? "" : $" matching {query}";
        if (brief.Quiet)
            return new ChatReport(title, $"Quiet: no alerted items{scope} in {period}.", [], "", null);
        var previous = brief.Volume.PreviousTotal;
        var summary = $"{Plural(brief.Items, "alerted item")}{scope} in {Plural(brief.Stories, "story", "stories")}, {period}; " +
            $"{previous} in the {DurationParser.Format(brief.To - brief.From)} before. Top stories by severity, outlets and recency:";
        var sections = brief.Groups.Select(g => new ReportSection($"{g.RuleName} ({g.RuleId})", [.. g.Stories.Select(Line)])).ToList();
        sections.Add(new ReportSection("By source", [new ReportLine(Counts(brief.Sources))], Pinned: true));
        sections.Add(new ReportSection("By language", [new ReportLine(Counts(brief.Languages))], Pinned: true));
        var image = chartPng is null ? null : new ReportImage(ChartFileName, chartPng,
            $"Alerted items per {(brief.Volume.Bucket == TimeSpan.FromHours(1) ? "hour" : "day")}: {brief.Volume.WindowTotal} in the window, {previous} in the period before");
        return new ChatReport(title, summary, sections, $"Briefing {brief.BriefingId} · window {DurationParser.Format(brief.To - brief.From)}", image);
    }

    static ReportLine Line(BriefStory s)
    {
        var detail = $"{s.Source}{(s.Language is { } lang ? " · " + lang : "")} · {s.Severity.ToString().ToLowerInvariant()} · " +
            $"{Plural(s.Outlets, "outlet")}{(s.Reports > 1 ? $", {s.Reports} reports" : "")}";
        if (s.TranslatedTitle is { } translated) detail += $" · machine translation: {translated}";
        return new ReportLine(s.Title, s.Url, detail);
    }

    static string Counts(IReadOnlyList<BriefCount> counts) => string.Join(" · ", counts.Select(c => $"{c.Name} {c.Items}"));

    static string Plural(int n, string one, string? many = null) => $"{n} {(n == 1 ? one : many ?? one + "s")}";

    static string Local(DateTimeOffset time, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(time, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
