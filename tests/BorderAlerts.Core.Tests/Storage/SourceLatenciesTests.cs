using BorderAlerts.Core.Storage;

namespace BorderAlerts.Core.Tests.Storage;

public sealed class SourceLatenciesTests
{
    static readonly DateTimeOffset Seen = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    static ItemTiming Item(string feed, double minutesBefore, bool alertable = true, int order = 0) =>
        new(feed, Seen.AddSeconds(order).AddMinutes(-minutesBefore), Seen.AddSeconds(order), alertable);

    [Fact]
    public void The_detection_median_counts_only_alertable_items_dated_before_their_sighting_and_not_absurdly_old()
    {
        var items = new[]
        {
            Item("a", 2), Item("a", 4), Item("a", 9), // counted: median 4 minutes
            Item("a", 60, alertable: false),            // seeded backlog
            Item("a", -30),                              // published after it was seen
            Item("a", TimeSpan.FromDays(3).TotalMinutes), // an archive, not news found late
            new ItemTiming("a", null, Seen, true),       // no date
            new ItemTiming("undated", null, Seen, true),
        };

        var latency = SourceLatencies.Summarise(items, []);

        Assert.Equal(new SourceLatency(TimeSpan.FromMinutes(4), null), latency["a"]);
        Assert.Equal(SourceLatency.None, latency.GetValueOrDefault("undated", SourceLatency.None));
    }

    [Fact]
    public void An_even_count_takes_the_mean_of_the_middle_two_and_each_delivery_counts()
    {
        var deliveries = new[]
        {
            new DeliveryTiming("a", Seen, Seen.AddSeconds(10)), new DeliveryTiming("a", Seen, Seen.AddSeconds(20)),
            new DeliveryTiming("a", Seen, Seen.AddSeconds(40)), new DeliveryTiming("a", Seen, Seen.AddSeconds(600)),
            new DeliveryTiming("b", Seen, Seen.AddSeconds(-5)), // sent before it was seen: a clock error, left out
        };

        var latency = SourceLatencies.Summarise([Item("a", 1), Item("a", 2)], deliveries);

        Assert.Equal(new SourceLatency(TimeSpan.FromSeconds(90), TimeSpan.FromSeconds(30)), latency["a"]);
        Assert.False(latency.ContainsKey("b"));
    }

    [Fact]
    public void Only_the_newest_items_of_a_source_count()
    {
        var old = Enumerable.Range(0, SourceLatencies.PerSource).Select(i => Item("a", 60, order: i));
        var recent = Enumerable.Range(0, SourceLatencies.PerSource).Select(i => Item("a", 1, order: 1000 + i));

        Assert.Equal(TimeSpan.FromMinutes(1), SourceLatencies.Summarise(old.Concat(recent), [])["a"].Detection);
    }

    [Theory]
    [InlineData(null, "–"), InlineData(42.0, "42s"), InlineData(270.0, "4m 30s"), InlineData(7500.0, "2h 5m"), InlineData(273600.0, "3d 4h")]
    public void A_delay_reads_as_people_say_it(double? seconds, string expected) =>
        Assert.Equal(expected, SourceLatency.Describe(seconds is { } s ? TimeSpan.FromSeconds(s) : null));
}
