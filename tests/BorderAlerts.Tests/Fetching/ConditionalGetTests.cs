using BorderAlerts.Core.Storage;
using BorderAlerts.Tests.Infrastructure;

namespace BorderAlerts.Tests.Fetching;

/// <summary>Conditional GET, compression and the request headers a polite fetcher sends.</summary>
public sealed class ConditionalGetTests(FeedServer server) : IClassFixture<FeedServer>
{
    const string Kyodo = "outlets/kyodo_zh-hans_news.rss.xml";

    [Fact]
    public async Task An_unchanged_feed_with_an_ETag_is_NotModified_on_the_second_poll()
    {
        using var folder = new TempFolder();
        await using var pipeline = await Pipeline.StartAsync(folder);
        var url = server.Serve(Responses.Fixture(Kyodo, etag: "\"kyodo-20261130-1005\""));
        var feed = Feeds.Rss("kyodo-zh-hans", url, "zh-Hans", "Asia/Tokyo");

        var first = await pipeline.PollOneAsync(feed);
        var second = await pipeline.PollOneAsync(feed);

        Assert.Equal(PollStatus.Fetched, first.Status);
        Assert.Equal(PollStatus.NotModified, second.Status);
        var requests = server.RequestsTo(url);
        Assert.Null(requests[0].IfNoneMatch);
        Assert.Equal("\"kyodo-20261130-1005\"", requests[1].IfNoneMatch);
        var health = await pipeline.HealthAsync("kyodo-zh-hans");
        Assert.Equal(304, health.LastStatus);
        Assert.Equal(0, health.ConsecutiveFailures);
        Assert.Equal(6, await pipeline.Database.CountAsync("items"));
    }

    [Fact]
    public async Task A_feed_with_only_Last_Modified_is_asked_If_Modified_Since_and_answers_NotModified()
    {
        using var folder = new TempFolder();
        await using var pipeline = await Pipeline.StartAsync(folder);
        var modified = new DateTimeOffset(2026, 11, 30, 1, 5, 12, TimeSpan.Zero);
        var url = server.Serve(Responses.Fixture(Kyodo, lastModified: modified));
        var feed = Feeds.Rss("kyodo-zh-hans", url, "zh-Hans", "Asia/Tokyo");

        await pipeline.PollOneAsync(feed);
        var second = await pipeline.PollOneAsync(feed);

        Assert.Equal(PollStatus.NotModified, second.Status);
        Assert.Equal("Mon, 30 Nov 2026 01:05:12 GMT", server.RequestsTo(url)[1].IfModifiedSince);
    }

    [Fact]
    public async Task A_changed_feed_under_a_new_ETag_stores_only_its_new_item()
    {
        using var folder = new TempFolder();
        await using var pipeline = await Pipeline.StartAsync(folder);
        var story = FeedXml.Story(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(9)));
        var url = server.Serve(Responses.Bytes(FeedXml.Rss("共同网", Enumerable.Range(1, 5).Select(story)), Responses.Rss, "\"v1\""));
        var feed = Feeds.Rss("kyodo-zh-hans", url, "zh-Hans", "Asia/Tokyo");
        await pipeline.PollOneAsync(feed);

        server.Answer(url, Responses.Bytes(FeedXml.Rss("共同网", Enumerable.Range(0, 6).Select(story)), Responses.Rss, "\"v2\""));
        var changed = await pipeline.PollOneAsync(feed);
        var unchanged = await pipeline.PollOneAsync(feed);

        Assert.Equal(PollStatus.Fetched, changed.Status);
        Assert.Equal(1, changed.NewItems);
        Assert.Equal(story(0).Title, Assert.Single(changed.Stored).Item.Title);
        Assert.Equal(PollStatus.NotModified, unchanged.Status);
        Assert.Equal("\"v2\"", server.RequestsTo(url)[2].IfNoneMatch);
        Assert.Equal(6, await pipeline.Database.CountAsync("items"));
    }

    [Fact]
    public async Task The_fetcher_sends_a_real_User_Agent_and_reads_a_gzip_encoded_feed()
    {
        using var folder = new TempFolder();
        await using var pipeline = await Pipeline.StartAsync(folder);
        var url = server.Serve(Responses.Gzip(FixtureFiles.Read("outlets/state_press-releases.rss.xml")));

        var report = await pipeline.PollOneAsync(Feeds.Rss("state-press-releases", url, "en", "America/New_York"));

        Assert.Equal(4, report.NewItems);
        var request = Assert.Single(server.RequestsTo(url));
        Assert.StartsWith("Mozilla/5.0 (compatible; BorderAlerts/", request.UserAgent);
        Assert.Contains("gzip", request.AcceptEncoding);
        Assert.Contains("br", request.AcceptEncoding);
    }
}
