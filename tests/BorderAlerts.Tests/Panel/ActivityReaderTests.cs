using BorderAlerts.Core.Storage;
using BorderAlerts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static BorderAlerts.Tests.Panel.PanelActivity;

namespace BorderAlerts.Tests.Panel;

/// <summary>The per-day counts behind the panel's charts: items per source and alerts per rule, by UTC day, only inside the window, on both stores.</summary>
[Collection(ProcessEnvironment.Name)]
public sealed class ActivityReaderTests
{
    static readonly DateTimeOffset Midnight = new(2026, 3, 30, 0, 0, 0, TimeSpan.Zero);
    static readonly DateOnly Day = DateOnly.FromDateTime(Midnight.UtcDateTime);

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task Items_per_source_and_alerts_per_rule_are_counted_by_utc_day_inside_the_window(Store store)
    {
        await using var host = await ChatHost.StartAsync(new CliSession(store));
        await SeedAsync(host.Services,
            new Seen("a", Midnight.AddMilliseconds(-1), "r1"), // the day before, at its last millisecond
            new Seen("a", Midnight, "r1"),
            new Seen("a", Midnight.AddHours(23), "r2"),
            new Seen("a", new DateTimeOffset(2026, 3, 30, 1, 0, 0, TimeSpan.FromHours(9))), // 16:00 UTC the day before
            new Seen("b", Midnight.AddDays(-5)),
            new Seen("c", Midnight),
            new Seen("a", Midnight.AddDays(-40), "r1"));
        var reader = host.Services.GetRequiredService<IActivityReader>();
        var since = Midnight.AddDays(-29);

        var items = await reader.ItemsPerDayAsync(["a", "b", "nothing"], since, CancellationToken.None);
        var alerts = await reader.AlertsPerDayAsync(since, CancellationToken.None);
        var none = await reader.ItemsPerDayAsync([], since, CancellationToken.None);

        Assert.Equal(["a", "b"], items.Keys.Order());
        Assert.Equal(new Dictionary<DateOnly, int> { [Day.AddDays(-1)] = 2, [Day] = 2 }, items["a"]);
        Assert.Equal(new Dictionary<DateOnly, int> { [Day.AddDays(-5)] = 1 }, items["b"]);
        Assert.Equal(["r1", "r2"], alerts.Keys.Order());
        Assert.Equal(new Dictionary<DateOnly, int> { [Day.AddDays(-1)] = 1, [Day] = 1 }, alerts["r1"]);
        Assert.Equal(new Dictionary<DateOnly, int> { [Day] = 1 }, alerts["r2"]);
        Assert.Empty(none);
    }
}
