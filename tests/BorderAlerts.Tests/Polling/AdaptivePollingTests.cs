using BorderAlerts.Core.Feeds;
using BorderAlerts.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace BorderAlerts.Tests.Polling;

/// <summary>
/// A feed with <c>every: auto</c> is due again after the interval its items' publication times call for: soon when it
/// publishes often, at the upper bound when it is quiet, and never before the server's Cache-Control max-age.
/// </summary>
public sealed class AdaptivePollingTests(FeedServer server) : IClassFixture<FeedServer>
{
    Uri Serve(RequestDelegate source) => server.Serve(source);

    static readonly AdaptiveBounds Bounds = new(TimeSpan.FromMinutes(2), TimeSpan.FromHours(1));

    /// <summary>An RSS feed whose items are <paramref name="minutesAgo"/> old, served with an optional Cache-Control.</summary>
    static RequestDelegate Published(IEnumerable<int> minutesAgo, string? cacheControl = null)
    {
        var now = DateTimeOffset.UtcNow;
        var body = FeedXml.Rss("rhythm", minutesAgo.Select(m => new Entry($"item {m}", $"https://example.org/{m}", Published: now.AddMinutes(-m))));
        var serve = Responses.Bytes(body, Responses.Rss);
        return context =>
        {
            if (cacheControl is not null) context.Response.Headers.CacheControl = cacheControl;
            return serve(context);
        };
    }

    static IEnumerable<int> EveryTenMinutesToday => Enumerable.Range(1, 144).Select(i => 10 * i);

    /// <summary>Polls the feed once and returns how long after that poll it is due again.</summary>
    async Task<TimeSpan> NextIntervalAsync(Store store, RequestDelegate source)
    {
        using var folder = new TempFolder(store);
        await using var pipeline = await Pipeline.StartAsync(folder);
        await pipeline.PollOneAsync(Feeds.Rss("rhythm", Serve(source)) with { Auto = Bounds });
        var health = await pipeline.HealthAsync("rhythm");
        return health.NextPollAt - health.LastAttemptAt!.Value;
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task An_auto_feed_publishing_every_ten_minutes_is_due_again_in_five(Store store) =>
        // Five items in the last 50 minutes, aged a little more by the time the poll runs: a tenth of that age
        Assert.InRange(await NextIntervalAsync(store, Published(EveryTenMinutesToday)), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(5));

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task An_auto_feed_quiet_for_three_days_is_due_again_at_the_upper_bound(Store store) =>
        Assert.Equal(TimeSpan.FromHours(1), await NextIntervalAsync(store, Published([3 * 24 * 60])));

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task An_auto_feed_is_not_polled_before_the_servers_max_age(Store store) =>
        Assert.Equal(TimeSpan.FromMinutes(30), await NextIntervalAsync(store, Published(EveryTenMinutesToday, "public, max-age=1800")));

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task After_a_restart_a_304_learns_the_rhythm_from_the_items_the_store_kept(Store store)
    {
        var now = DateTimeOffset.UtcNow;
        var body = FeedXml.Rss("rhythm", EveryTenMinutesToday.Select(m => new Entry($"item {m}", $"https://example.org/{m}", Published: now.AddMinutes(-m))));
        var feed = Feeds.Rss("rhythm", Serve(Responses.Bytes(body, Responses.Rss, etag: "\"v1\""))) with { Auto = Bounds, Every = TimeSpan.FromMinutes(30) };
        using var folder = new TempFolder(store);
        await using (var first = await Pipeline.StartAsync(folder)) await first.PollOneAsync(feed); // stores the items and the ETag
        await using var restarted = await Pipeline.StartAsync(folder); // a new process: nothing remembered

        var report = await restarted.PollOneAsync(feed); // answered 304
        var health = await restarted.HealthAsync("rhythm");

        Assert.Equal(Core.Storage.PollStatus.NotModified, report.Status);
        // Learned from the stored publication times (about 5 minutes), not the fallback of every (30m) within the bounds.
        Assert.InRange(health.NextPollAt - health.LastAttemptAt!.Value, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(10));
    }

    /// <summary>Polls the feed twice (a 200, then a 304 carrying <paramref name="freshness"/>'s headers) and returns how long after the 304 it is due again.</summary>
    async Task<TimeSpan> IntervalAfterNotModifiedAsync(Store store, Action<IHeaderDictionary> freshness)
    {
        var now = DateTimeOffset.UtcNow;
        var serve = Responses.Bytes(FeedXml.Rss("rhythm", EveryTenMinutesToday.Select(m => new Entry($"item {m}", $"https://example.org/{m}", Published: now.AddMinutes(-m)))),
            Responses.Rss, etag: "\"v1\"");
        var feed = Feeds.Rss("rhythm", Serve(context =>
        {
            if (context.Request.Headers.IfNoneMatch.Count > 0) freshness(context.Response.Headers); // the 304 alone
            return serve(context);
        })) with { Auto = Bounds };
        using var folder = new TempFolder(store);
        await using var pipeline = await Pipeline.StartAsync(folder);
        await pipeline.PollOneAsync(feed);
        Assert.Equal(Core.Storage.PollStatus.NotModified, (await pipeline.PollOneAsync(feed)).Status);
        var health = await pipeline.HealthAsync("rhythm");
        return health.NextPollAt - health.LastAttemptAt!.Value;
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task A_304s_own_max_age_is_not_undercut(Store store) =>
        // The rhythm alone (every ten minutes) would ask again in five.
        Assert.Equal(TimeSpan.FromMinutes(30), await IntervalAfterNotModifiedAsync(store, headers => headers.CacheControl = "max-age=1800"));

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task A_304s_Expires_is_not_undercut(Store store) =>
        Assert.Equal(TimeSpan.FromMinutes(20), await IntervalAfterNotModifiedAsync(store, headers =>
        {
            var sent = DateTimeOffset.UtcNow;
            headers.Date = sent.ToString("R");
            headers.Expires = sent.AddMinutes(20).ToString("R");
        }));

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task With_the_settings_default_of_auto_a_feed_without_every_in_feeds_yaml_polls_adaptively(Store store)
    {
        using var folder = new TempFolder(store);
        File.WriteAllText(folder.FeedsYaml, $"feeds:\n  - id: rhythm\n    url: {Serve(Published(EveryTenMinutesToday))}\n");
        // The composition root's feeds.yaml catalog, registered again so that it wins over the pipeline's in-memory one.
        await using var pipeline = await Pipeline.StartAsync(folder,
            services => services.Add(services.First(d => d.ServiceType == typeof(Core.Feeds.IFeedCatalog))),
            ("Polling:DefaultEvery", "auto"), ("Polling:AutoMin", "6m"));

        await pipeline.Runner.RunNowAsync(["rhythm"], CancellationToken.None);
        var health = await pipeline.HealthAsync("rhythm");

        // The rhythm asks for 5 minutes, the settings' AutoMin for no sooner than 6 (a fixed default would be 10 or more).
        Assert.Equal(TimeSpan.FromMinutes(6), health.NextPollAt - health.LastAttemptAt!.Value);
    }
}
