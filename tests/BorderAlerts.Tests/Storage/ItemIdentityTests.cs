using BorderAlerts.Core.Storage;
using BorderAlerts.Tests.Infrastructure;

namespace BorderAlerts.Tests.Storage;

/// <summary>
/// Item identity in the real store: one row per article however often, however many times inside one feed, and in
/// however many feeds it appears; items without the usual fields are kept, not dropped.
/// </summary>
public sealed class ItemIdentityTests(FeedServer server) : IClassFixture<FeedServer>
{
    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task A_10000_item_feed_is_stored_once_and_a_full_refetch_adds_nothing(Store store)
    {
        using var folder = new TempFolder(store);
        await using var pipeline = await Pipeline.StartAsync(folder);
        var url = server.Serve(Responses.Bytes(FeedXml.Generated(10_000), Responses.Rss)); // no validators: every poll re-reads it all
        var feed = Feeds.Rss("kyodo-generated", url, "zh-Hans", "Asia/Tokyo");

        var first = await pipeline.PollOneAsync(feed);
        var second = await pipeline.PollOneAsync(feed);

        Assert.Equal(10_000, first.NewItems);
        Assert.Equal(PollStatus.Fetched, second.Status);
        Assert.Equal(10_000, second.ItemsFound);
        Assert.Equal(0, second.NewItems);
        Assert.Equal(10_000, await pipeline.Database.CountAsync("items"));
        Assert.Equal(10_000, await pipeline.Database.CountAsync("sightings"));
        Assert.Equal(1, await pipeline.Database.CountAsync("evidence"));
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task The_standing_10000_item_route_is_NotModified_on_its_second_poll(Store store)
    {
        using var folder = new TempFolder(store);
        await using var pipeline = await Pipeline.StartAsync(folder);
        var feed = Feeds.Rss("kyodo-generated", server.Url(FeedServer.TenThousand), "zh-Hans");

        Assert.Equal(10_000, (await pipeline.PollOneAsync(feed)).NewItems);
        Assert.Equal(PollStatus.NotModified, (await pipeline.PollOneAsync(feed)).Status);
        Assert.Equal(10_000, await pipeline.Database.CountAsync("items"));
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task Duplicated_GUIDs_inside_one_feed_are_stored_once(Store store)
    {
        using var folder = new TempFolder(store);
        await using var pipeline = await Pipeline.StartAsync(folder);
        var url = server.Serve(Responses.Fixture("edge/duplicate-guids.rss.xml"));

        var report = await pipeline.PollOneAsync(Feeds.Rss("dailynk", url, "en", "Asia/Seoul"));

        Assert.Equal(5, report.ItemsFound);
        Assert.Equal(3, report.NewItems);
        var titles = (await pipeline.Database.ItemsAsync()).Select(i => i.Title).ToList();
        Assert.Equal(3, titles.Count);
        Assert.Equal("Smugglers in Sinuiju switch to night crossings as Dandong patrols grow", titles[0]);
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task Items_without_a_link_a_date_or_a_GUID_are_stored_and_recognised_on_the_next_poll(Store store)
    {
        using var folder = new TempFolder(store);
        await using var pipeline = await Pipeline.StartAsync(folder);
        var url = server.Serve(Responses.Fixture("edge/no-link-no-date.rss.xml"));
        var feed = Feeds.Rss("nknews-briefs", url, "en", "Asia/Seoul");

        var first = await pipeline.PollOneAsync(feed);
        var second = await pipeline.PollOneAsync(feed);

        Assert.Equal(4, first.NewItems);
        Assert.Equal(0, second.NewItems);
        var items = (await pipeline.Database.ItemsAsync()).ToDictionary(i => i.Title);
        var bare = items["Customs at Dandong halt DPRK seafood shipments pending inspection"];
        Assert.Equal((null, null, null), (bare.Url, bare.Guid, bare.Published));
        var guidOnly = items["Freight train from Sinuiju arrives in Dandong for the first time this month"];
        Assert.Equal(("nknews-brief-20261130-02", null), (guidOnly.Guid, guidOnly.Url));
        var linkOnly = items["UN panel cites Nampo coal loadings bound for Chinese ports"];
        Assert.Equal(("https://www.nknews.org/2026/11/un-panel-cites-nampo-coal-loadings/", null), (linkOnly.Url, linkOnly.Published));
        var dateOnly = items["Rason trade fair draws Chinese buyers despite sanctions"];
        Assert.Equal(DateTimeOffset.Parse("2026-11-29T05:00:00Z"), dateOnly.Published);
        Assert.Null(dateOnly.Url);
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task The_same_article_in_two_feeds_is_one_item_seen_by_both(Store store)
    {
        using var folder = new TempFolder(store);
        await using var pipeline = await Pipeline.StartAsync(folder);
        var kyodo = server.Serve(Responses.Fixture("outlets/kyodo_zh-hans_news.rss.xml"));
        // An aggregator republishes Kyodo's lead story under its own GUID and title, with tracking parameters.
        var aggregator = server.Serve(Responses.Bytes(FeedXml.Rss("边境新闻聚合", [
            new Entry("【转载】朝鲜货船在丹东港外海船对船转运", "https://china.kyodonews.net/news/2026/11/4a1c7e92b6f3-.html?utm_source=rss&utm_medium=aggregator",
                Guid: "agg-88120"),
            new Entry("丹东边境口岸今日开放时间调整", "https://border-news.example/2026/11/30/dandong-hours.html", Guid: "agg-88121"),
        ]), Responses.Rss));

        var summary = await pipeline.PollAsync(Feeds.Rss("kyodo-zh-hans", kyodo, "zh-Hans", "Asia/Tokyo"),
            Feeds.Rss("border-aggregator", aggregator, "zh-Hans"));
        var again = await pipeline.PollAsync(Feeds.Rss("border-aggregator", aggregator, "zh-Hans"));

        Assert.Equal(7, summary.NewItems);
        Assert.Equal(0, again.NewItems);
        Assert.Equal(7, await pipeline.Database.CountAsync("items"));
        var lead = Assert.Single(await pipeline.Database.ItemsAsync(), i => i.Url!.StartsWith("https://china.kyodonews.net/news/2026/11/4a1c7e92b6f3-.html"));
        var seenBy = (await pipeline.Database.SightingsAsync()).Where(s => s.ItemId == lead.Id).Select(s => s.FeedId);
        Assert.Equal(["border-aggregator", "kyodo-zh-hans"], seenBy);
    }
}
