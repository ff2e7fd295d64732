using BorderAlerts.Core.Briefings;
using BorderAlerts.Core.Delivery;
using BorderAlerts.Core.Rules;
using BorderAlerts.Core.Storage;
using BorderAlerts.Core.Tests.Feeds;

namespace BorderAlerts.Core.Tests.Briefings;

/// <summary>
/// The brief's content: stories ranked by severity, outlets and recency, grouped by rule, an item counted once however
/// many rules it matched, translated titles, counts by source and language, the volume against the period before, and a
/// quiet window in one line.
/// </summary>
public class BriefComposerTests
{
    static readonly DateTimeOffset To = new(2026, 3, 30, 23, 0, 0, TimeSpan.Zero); // 08:00 in Seoul the next day
    static readonly DateTimeOffset From = To.AddHours(-24);

    static BriefingDefinition Briefing(int top = 10, string? query = null) => new()
    {
        Id = "morning", Name = "Morning brief", Schedule = FakeCron.Firing("0 0 8 ? * *", To), To = ["analysts"], Top = top, Query = query,
        TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul"),
    };

    static BriefingAlert Alert(long item, string rule, Severity severity, double hoursBeforeEnd, string feed = "kyodo", long? story = null,
        string[]? feeds = null, string? translated = null, string language = "zh", string? title = null) =>
        new(item, rule, rule + " name", severity, To.AddHours(-hoursBeforeEnd), title ?? $"item {item}", new Uri($"https://example.org/{item}"),
            "text", language, null, feed, story, feeds ?? [feed], translated);

    [Fact]
    public void Stories_rank_by_severity_then_outlets_then_recency_and_group_under_their_rule()
    {
        IReadOnlyList<BriefingAlert> alerts =
        [
            Alert(1, "coal", Severity.Normal, 2),
            Alert(2, "coal", Severity.Normal, 10, story: 7, feed: "kyodo"),
            Alert(3, "coal", Severity.Normal, 9, story: 7, feed: "yonhap", feeds: ["yonhap", "nknews"]),
            Alert(4, "ships", Severity.High, 20, feed: "state", translated: "Ship seized", language: "ko"),
            Alert(4, "coal", Severity.Normal, 20, feed: "state", language: "ko"), // the same item by a second rule
            Alert(5, "coal", Severity.Low, 1),
        ];

        var brief = BriefComposer.Compose(Briefing(top: 3), alerts, From, To);

        Assert.Equal((5, 4), (brief.Items, brief.Stories));
        Assert.Equal(["ships", "coal"], brief.Groups.Select(g => g.RuleId));
        var ship = Assert.Single(brief.Groups[0].Stories);
        Assert.Equal(("item 4", "Ship seized", Severity.High, 1), (ship.Title, ship.TranslatedTitle, ship.Severity, ship.Outlets));
        Assert.Equal(["item 2", "item 1"], brief.Groups[1].Stories.Select(s => s.Title)); // three outlets beat recency; item 5 (low) is past the top 3
        Assert.Equal((3, 2), (brief.Groups[1].Stories[0].Outlets, brief.Groups[1].Stories[0].Reports));
        Assert.Equal([new BriefCount("kyodo", 3), new BriefCount("state", 1), new BriefCount("yonhap", 1)], brief.Sources);
        Assert.Equal([new BriefCount("zh", 4), new BriefCount("ko", 1)], brief.Languages);
    }

    [Fact]
    public void The_volume_counts_items_per_hour_over_the_window_and_the_period_before()
    {
        IReadOnlyList<BriefingAlert> alerts = [Alert(1, "coal", Severity.Normal, 30), Alert(2, "coal", Severity.Normal, 0.5), Alert(2, "ships", Severity.High, 0.5),
            Alert(3, "coal", Severity.Normal, 49)];

        var volume = BriefComposer.Compose(Briefing(), alerts, From, To).Volume;

        Assert.Equal((48, TimeSpan.FromHours(1), 24), (volume.Counts.Count, volume.Bucket, volume.WindowIndex));
        Assert.Equal((1, 1), (volume.WindowTotal, volume.PreviousTotal)); // the item of 49 h ago is before both
        Assert.Equal(1, volume.Counts[^1]);
        Assert.Equal(1, volume.Counts[18]); // 30 h before the end is 18 h into the period before
    }

    [Fact]
    public void A_week_is_counted_per_day() =>
        Assert.Equal((TimeSpan.FromDays(1), 14), VolumeSeries.Of([], To.AddDays(-7), To) is var v ? (v.Bucket, v.Counts.Count) : default);

    [Fact]
    public void The_report_names_the_window_in_the_briefings_zone_and_lists_each_story_with_its_source_and_translation()
    {
        IReadOnlyList<BriefingAlert> alerts = [Alert(4, "ships", Severity.High, 2, feed: "state", translated: "Ship seized", language: "ko")];
        var brief = BriefComposer.Compose(Briefing(), alerts, From, To);

        var report = BriefReport.Of(brief, "@dprk", [1, 2, 3]);

        Assert.Equal("Morning brief · 2026-03-31 08:00", report.Title);
        Assert.StartsWith("1 alerted item matching @dprk in 1 story, 2026-03-30 08:00 – 2026-03-31 08:00 (Asia/Seoul); 0 in the 1d before.", report.Summary);
        var line = Assert.Single(report.Sections[0].Lines);
        Assert.Equal(("ships name (ships)", "item 4", new Uri("https://example.org/4")), (report.Sections[0].Heading, line.Text, line.Link));
        Assert.Equal("state · ko · high · 1 outlet · machine translation: Ship seized", line.Detail);
        Assert.Equal(["By source", "By language"], report.Sections.Skip(1).Select(s => s.Heading));
        Assert.Equal(BriefReport.ChartFileName, report.Image!.FileName);
        Assert.Equal([1, 2, 3], report.Image.Png);
    }

    [Fact]
    public void A_quiet_window_is_one_line_without_sections_or_chart()
    {
        var brief = BriefComposer.Compose(Briefing(), [Alert(1, "coal", Severity.High, 30)], From, To);

        var report = BriefReport.Of(brief, null, null);

        Assert.True(brief.Quiet);
        Assert.Equal(new ChatReport("Morning brief · 2026-03-31 08:00", "Quiet: no alerted items in 2026-03-30 08:00 – 2026-03-31 08:00 (Asia/Seoul).", [], "", null) with { Sections = report.Sections }, report);
        Assert.Empty(report.Sections);
    }
}
