using BorderAlerts.Core.Storage;
using BorderAlerts.Tests.Infrastructure;

namespace BorderAlerts.Tests.Polling;

/// <summary>One PollRunner pass over several sources: each outcome is recorded on its own feed; none stops another.</summary>
public sealed class PollRunnerTests(FeedServer server) : IClassFixture<FeedServer>
{
    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task A_failing_source_does_not_stop_the_others_in_the_same_pass(Store store)
    {
        using var folder = new TempFolder(store);
        await using var pipeline = await Pipeline.StartAsync(folder, ("Fetch:TimeoutSeconds", "1"));
        var feeds = new[]
        {
            Feeds.Rss("kyodo-zh-hans", server.Serve(Responses.Fixture("outlets/kyodo_zh-hans_news.rss.xml")), "zh-Hans", "Asia/Tokyo"),
            Feeds.Rss("kyodo-zh-hant", server.Serve(Responses.Status(500)), "zh-Hant"),
            Feeds.Rss("state-press-releases", server.Url(FeedServer.Slow), "en"),
            Feeds.Rss("state-east-asia-pacific", server.Serve(Responses.Fixture("broken/malformed.rss.xml")), "en"),
            Feeds.CankaoJson("cankaoxiaoxi", server.Serve(Responses.Fixture("outlets/cankaoxiaoxi_diyi_list.json", Responses.Json))),
        };

        var summary = await pipeline.PollAsync(feeds);

        Assert.Equal((5, 2, 3, 11), (summary.Feeds, summary.Fetched, summary.Failed, summary.NewItems));
        var health = (await pipeline.HealthReader.ListHealthAsync(DateTimeOffset.UtcNow, CancellationToken.None)).ToDictionary(h => h.FeedId);
        Assert.Equal(0, health["kyodo-zh-hans"].ConsecutiveFailures);
        Assert.Equal(0, health["cankaoxiaoxi"].ConsecutiveFailures);
        Assert.StartsWith("ServerError: HTTP 500", health["kyodo-zh-hant"].LastError);
        Assert.StartsWith("Timeout: ", health["state-press-releases"].LastError);
        Assert.StartsWith("Parse: malformed XML", health["state-east-asia-pacific"].LastError);
        Assert.All(health.Values, h => Assert.True(h.Enabled));
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task A_source_whose_connection_drops_mid_body_does_not_stop_the_feeds_after_it(Store store)
    {
        using var folder = new TempFolder(store);
        await using var pipeline = await Pipeline.StartAsync(folder, ("Polling:Parallelism", "1"));
        var feeds = new[]
        {
            Feeds.Rss("a-kyodo", server.Serve(Responses.Fixture("outlets/kyodo_zh-hans_news.rss.xml")), "zh-Hans"),
            Feeds.Rss("b-dropped", server.Url(FeedServer.Truncated), "zh-Hans"),
            Feeds.Rss("c-state", server.Serve(Responses.Fixture("outlets/state_press-releases.rss.xml")), "en"),
        };

        var summary = await pipeline.PollAsync(feeds);

        Assert.Equal((3, 2, 1), (summary.Feeds, summary.Fetched, summary.Failed));
        Assert.Equal(10, await pipeline.Database.CountAsync("items"));
        var dropped = await pipeline.HealthAsync("b-dropped");
        Assert.Equal(1, dropped.ConsecutiveFailures);
        Assert.StartsWith("Network: ", dropped.LastError);
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task A_due_pass_polls_only_feeds_that_are_due(Store store)
    {
        using var folder = new TempFolder(store);
        await using var pipeline = await Pipeline.StartAsync(folder);
        var kyodo = server.Serve(Responses.Fixture("outlets/kyodo_zh-hans_news.rss.xml"));
        var state = server.Serve(Responses.Fixture("outlets/state_press-releases.rss.xml"));
        pipeline.Catalog.Upsert([Feeds.Rss("kyodo-zh-hans", kyodo, "zh-Hans")]);

        var first = await pipeline.Runner.RunDueAsync(CancellationToken.None);
        var nothingDue = await pipeline.Runner.RunDueAsync(CancellationToken.None);
        pipeline.Catalog.Upsert([Feeds.Rss("state-press-releases", state, "en")]);
        var onlyTheNewFeed = await pipeline.Runner.RunDueAsync(CancellationToken.None);

        Assert.Equal(["kyodo-zh-hans"], first.Reports.Select(r => r.FeedId));
        Assert.Equal(0, nothingDue.Feeds);
        Assert.Equal(["state-press-releases"], onlyTheNewFeed.Reports.Select(r => r.FeedId));
        Assert.Equal(1, server.RequestCount(kyodo));
        Assert.Equal(1, server.RequestCount(state));
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task Every_failure_kind_in_one_pass_is_recorded_on_its_own_feed(Store store)
    {
        using var folder = new TempFolder(store);
        await using var pipeline = await Pipeline.StartAsync(folder, ("Fetch:MaxBodyMegabytes", "1"));
        var sources = new Dictionary<string, (Uri Url, string Error)>
        {
            ["not-found"] = (server.Url("/status/404"), "NotFound: "),
            ["gone"] = (server.Url("/status/410"), "Gone: "),
            ["rate-limited"] = (server.Url("/status/429?retry-after=120"), "RateLimited: "),
            ["server-error"] = (server.Url("/status/500"), "ServerError: "),
            ["html"] = (server.Serve(Responses.Fixture("broken/cloudflare-challenge.html", Responses.Html)), "Parse: "),
            ["endless"] = (server.Url(FeedServer.Endless), "TooLarge: "),
            ["loop"] = (server.Url(FeedServer.Loop), "TooManyRedirects: "),
            ["bomb"] = (server.Url("/fixtures/broken/entity-bomb.rss.xml"), "Parse: "),
        };

        var summary = await pipeline.PollAsync([.. sources.Select(s => Feeds.Rss(s.Key, s.Value.Url))]);

        Assert.Equal(sources.Count, summary.Failed);
        foreach (var (id, (_, error)) in sources)
        {
            var health = await pipeline.HealthAsync(id);
            Assert.StartsWith(error, health.LastError);
            Assert.Equal(1, health.ConsecutiveFailures);
            Assert.True(health.Enabled);
        }
    }
}
