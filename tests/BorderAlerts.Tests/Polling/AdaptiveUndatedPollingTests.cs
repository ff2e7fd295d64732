using BorderAlerts.Core.Feeds;
using BorderAlerts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BorderAlerts.Tests.Polling;

/// <summary>
/// An <c>every: auto</c> source whose items carry no date learns its pace from when its items were first seen: the
/// items of a poll after the first one, in this process and, after a restart, from the store's sightings. The first
/// poll's backlog says nothing of the pace.
/// </summary>
public sealed class AdaptiveUndatedPollingTests(FeedServer server) : IClassFixture<FeedServer>
{
    static readonly AdaptiveBounds Bounds = new(TimeSpan.FromMinutes(2), TimeSpan.FromHours(1));
    // A whole second: the store keeps times to the millisecond, so learned intervals come out exact.
    readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
    readonly List<Entry> _items = Enumerable.Range(1, 20).Select(Undated).ToList(); // the backlog

    static Entry Undated(int n) => new($"item {n}", $"https://example.org/undated/{n}");

    FeedDefinition Feed() => Feeds.Rss("undated", server.Serve(context =>
        Responses.Bytes(FeedXml.Rss("undated", Enumerable.Reverse(_items)), Responses.Rss)(context))) with { Auto = Bounds };

    Task<Pipeline> StartAsync(TempFolder folder) => Pipeline.StartAsync(folder, services => services.AddSingleton<TimeProvider>(_clock));

    /// <summary>Polls the feed once, the clock at <paramref name="minutes"/> after the first poll; how long until it is due again.</summary>
    async Task<TimeSpan> PollAtAsync(Pipeline pipeline, FeedDefinition feed, int minutes, DateTimeOffset start)
    {
        _clock.SetUtcNow(start.AddMinutes(minutes));
        await pipeline.PollOneAsync(feed);
        var health = await pipeline.HealthAsync("undated");
        return health.NextPollAt - health.LastAttemptAt!.Value;
    }

    /// <summary>Polls ten minutes apart from minute <paramref name="from"/> (six by default), each finding one new item.</summary>
    async Task<TimeSpan> OneNewItemEveryTenMinutesAsync(Pipeline pipeline, FeedDefinition feed, DateTimeOffset start, int from = 10, int polls = 6)
    {
        var interval = TimeSpan.Zero;
        for (var minutes = from; minutes < from + 10 * polls; minutes += 10)
        {
            _items.Add(Undated(_items.Count + 1));
            interval = await PollAtAsync(pipeline, feed, minutes, start);
        }
        return interval;
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task An_undated_source_is_polled_at_the_pace_of_its_first_sightings_not_of_its_backlog(Store store)
    {
        using var folder = new TempFolder(store);
        await using var pipeline = await StartAsync(folder);
        var feed = Feed();
        var start = _clock.GetUtcNow();

        Assert.Equal(TimeSpan.FromHours(1), await PollAtAsync(pipeline, feed, 0, start)); // 20 items at once: no pace yet
        // The last five sightings span 40 minutes up to now: a gap of 8 minutes, polled at half of it.
        Assert.Equal(TimeSpan.FromMinutes(4), await OneNewItemEveryTenMinutesAsync(pipeline, feed, start));
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task After_a_restart_an_undated_source_learns_from_the_sightings_the_store_kept_but_not_its_backlog(Store store)
    {
        using var folder = new TempFolder(store);
        var feed = Feed();
        var start = _clock.GetUtcNow();
        await using (var first = await StartAsync(folder)) await PollAtAsync(first, feed, 0, start);
        await using (var restarted = await StartAsync(folder))
        {
            Assert.Equal(TimeSpan.FromHours(1), await PollAtAsync(restarted, feed, 5, start)); // only the backlog is stored
            await OneNewItemEveryTenMinutesAsync(restarted, feed, start);
        }
        await using var again = await StartAsync(folder);

        // Sightings at 10–60 minutes, polled at 62: the last five span 42 minutes, a gap of 8.4, polled at half of it.
        Assert.Equal(TimeSpan.FromMinutes(4.2), await PollAtAsync(again, feed, 62, start));
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task An_instance_that_did_not_make_the_last_polls_learns_another_instances_sightings_from_the_store(Store store)
    {
        using var folder = new TempFolder(store);
        var feed = Feed();
        var start = _clock.GetUtcNow();
        await using var a = await StartAsync(folder);
        await using var b = await StartAsync(folder);
        await PollAtAsync(a, feed, 0, start);
        await OneNewItemEveryTenMinutesAsync(a, feed, start, from: 10, polls: 5); // A sights items at 10–50
        await OneNewItemEveryTenMinutesAsync(b, feed, start, from: 60, polls: 5); // B sights items at 60–100

        // A, polled again with nothing new, learns B's sightings as B made them (the last five span 41 minutes: 8.2
        // apart, polled at half of that), not as five items all new to it now (which would call for its 2m floor).
        Assert.Equal(TimeSpan.FromMinutes(4.1), await PollAtAsync(a, feed, 101, start));
    }
}
