using BorderAlerts.Core.Briefings;
using BorderAlerts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static BorderAlerts.Tests.Briefings.BriefingData;

namespace BorderAlerts.Tests.Briefings;

/// <summary>What a brief reads: a window of whole days counted on the local calendar of the briefing's zone (across daylight saving, daily briefs meet exactly); items' text for a query.</summary>
[Collection(ProcessEnvironment.Name)]
public sealed class BriefingWindowTests
{
    static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    static DateTimeOffset Local(string time) => DateTime.Parse(time) is var local ? new DateTimeOffset(local, NewYork.GetUtcOffset(local)) : default;

    [Theory]
    [InlineData("2026-03-08 08:00", "2026-03-07 08:00", "1d", 23)] // clocks go forward at 02:00: a 23-hour day
    [InlineData("2026-11-01 08:00", "2026-10-31 08:00", "1d", 25)] // clocks go back at 02:00: a 25-hour day
    [InlineData("2026-03-09 08:00", "2026-03-02 08:00", "7d", 7 * 24 - 1)]
    [InlineData("2026-03-08 08:00", "2026-03-07 19:00", "12h", 12)] // not whole days: its length
    public async Task A_window_of_whole_days_starts_at_the_same_local_time_that_many_days_before(string fire, string start, string window, int hours)
    {
        var (at, from) = (Local(fire), Local(start));
        await using var harness = await BriefingHarness.StartAsync("console");
        await SeedAsync(harness.Pipeline.Services,
            new Alerted("kyodo", from.AddMinutes(-30), "coal"), // the previous brief's
            new Alerted("kyodo", from.AddMinutes(30), "coal"));
        Assert.True(Core.Feeds.DurationParser.TryParse(window, out var length));
        var briefing = harness.Briefing with { TimeZone = NewYork, Window = length };

        var brief = (await harness.Pipeline.Services.GetRequiredService<BriefingRunner>().ComposeAsync(briefing, at, CancellationToken.None)).Brief;

        Assert.Equal((from, at, hours), (brief.From, brief.To, (int)(brief.To - brief.From).TotalHours));
        Assert.Equal(1, brief.Items);
    }

    [Fact]
    public async Task A_briefing_with_a_query_matches_it_against_the_items_text_too()
    {
        await using var harness = await BriefingHarness.StartAsync("console"); // its window's item: a Chinese title, its text "text of <id>"
        var briefing = harness.Briefing with { Query = "text" };

        var brief = (await harness.Pipeline.Services.GetRequiredService<BriefingRunner>().ComposeAsync(briefing, BriefingHarness.FireTime, CancellationToken.None)).Brief;

        Assert.Equal(1, brief.Items);
    }
}
