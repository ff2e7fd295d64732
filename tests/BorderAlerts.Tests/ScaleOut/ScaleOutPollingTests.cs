using BorderAlerts.Core.Storage;
using BorderAlerts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlerts.Tests.ScaleOut;

/// <summary>
/// Many instances, one PostgreSQL database (docs/architecture.md §9): each feed is fetched once per interval whichever
/// instance claims it, and a feed claimed by an instance that died is polled by another once the claim's lease ends.
/// </summary>
public sealed class ScaleOutPollingTests(FeedServer server) : IClassFixture<FeedServer>
{
    [PostgresTheory, InlineData(2), InlineData(3)]
    public async Task Instances_polling_the_same_feeds_at_once_fetch_each_feed_once_per_interval(int count)
    {
        // Two feeds per claim, so the instances' claims interleave instead of one instance taking everything.
        await using var instances = await Instances.StartAsync(count, ("Polling:Parallelism", "1"));
        var story = FeedXml.Story(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(9)));
        var urls = Enumerable.Range(0, 24).Select(i => server.Serve(Responses.Bytes(FeedXml.Rss($"outlet {i}", [story(i), story(100 + i)]), Responses.Rss))).ToList();
        instances.Configure(urls.Select((url, i) => Feeds.Rss($"outlet-{i:D2}", url, "zh-Hans")));

        var first = await instances.PollDueTogetherAsync();
        var again = await instances.PollDueTogetherAsync(); // within the interval: nothing is due
        await instances.All[0].Database.ExecuteAsync("UPDATE feeds SET next_poll_at = 0"); // the interval has passed
        var next = await instances.PollDueTogetherAsync();

        Assert.Equal(24, first.Sum());
        Assert.Equal(0, again.Sum());
        Assert.Equal(24, next.Sum());
        Assert.All(urls, url => Assert.Equal(2, server.RequestCount(url)));
        var probe = instances.All[0].Database;
        Assert.Equal(48, await probe.CountAsync("items"));
        Assert.Equal(24, await probe.CountAsync("feeds", "lease_until IS NULL AND consecutive_failures = 0 AND seeded"));
    }

    [PostgresFact]
    public async Task A_feed_claimed_by_an_instance_that_died_is_polled_by_another_when_the_lease_ends()
    {
        await using var instances = await Instances.StartAsync(2);
        var (dead, live) = (instances.All[0], instances.All[1]);
        var url = server.Serve(Responses.Fixture("outlets/kyodo_zh-hans_news.rss.xml"));
        instances.Configure([Feeds.Rss("kyodo-zh-hans", url, "zh-Hans", "Asia/Tokyo")]);
        await dead.Runner.RunNowAsync([], CancellationToken.None); // syncs the catalog, polls nothing
        var store = dead.Services.GetRequiredService<IPollStore>();
        var claim = Assert.Single(await store.ClaimAsync(new ClaimRequest(DateTimeOffset.UtcNow, TimeSpan.FromSeconds(2), 10), CancellationToken.None));

        var whileLeased = await live.Runner.RunDueAsync(CancellationToken.None);
        await Eventually.TrueAsync(async () => (await live.Runner.RunDueAsync(CancellationToken.None)).Feeds == 1, "the live instance has taken the feed over");
        // The dead instance comes back and reports its long-lost poll: the newer record stands.
        await store.CompleteAsync(new PollCompletion("kyodo-zh-hans", DateTimeOffset.UtcNow, PollStatus.Failed, DateTimeOffset.UtcNow)
            { Error = "Timeout: late", Lease = claim.Lease }, CancellationToken.None);

        Assert.Equal(0, whileLeased.Feeds);
        Assert.Equal(1, server.RequestCount(url));
        var health = await live.HealthAsync("kyodo-zh-hans");
        Assert.Equal((0, null), (health.ConsecutiveFailures, health.LastError));
        Assert.Equal(6, await live.Database.CountAsync("items"));
    }

    [PostgresFact]
    public async Task With_three_live_instances_a_claim_takes_a_third_of_what_is_due()
    {
        await using var instances = await Instances.StartAsync(1);
        var instance = instances.All[0];
        instances.Configure(Enumerable.Range(0, 30).Select(i => Feeds.Rss($"outlet-{i:D2}", new Uri($"https://outlet-{i}.example.org/rss.xml"), "en")));
        await instance.Runner.RunNowAsync([], CancellationToken.None); // syncs the catalog, polls nothing
        // Three live instances, as three running services' heartbeats record them, and one that died a minute ago.
        var heartbeats = instance.Services.GetRequiredService<IInstanceHeartbeats>();
        foreach (var n in Enumerable.Range(1, 3)) await heartbeats.BeatAsync($"node-{n}", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, CancellationToken.None);
        await heartbeats.BeatAsync("dead", DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddMinutes(-1), CancellationToken.None);
        var store = instance.Services.GetRequiredService<IPollStore>();
        Task<IReadOnlyList<FeedState>> Claim(IReadOnlyCollection<string>? named = null) =>
            store.ClaimAsync(new ClaimRequest(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5), 64, named), CancellationToken.None);

        var first = await Claim();
        var second = await Claim();
        var named = await Claim([.. Enumerable.Range(0, 30).Select(i => $"outlet-{i:D2}")]);

        Assert.Equal(10, first.Count);
        Assert.Equal(7, second.Count); // a third of the 20 still due, rounded up
        Assert.Equal(13, named.Count); // named feeds are taken whole
    }
}
