using BorderAlerts.Core.Feeds;
using BorderAlerts.Core.Storage;
using BorderAlerts.Tests.Infrastructure;

namespace BorderAlerts.Tests.Parsing;

/// <summary>The four named outlets' formats, fetched from loopback and stored through the real pipeline.</summary>
public sealed class OutletFeedTests(FeedServer server) : IClassFixture<FeedServer>
{
    public static TheoryData<string, string, string, int, string, string, string> Outlets => new()
    {
        // fixture, language, source zone, items, first title, first published (UTC), first link
        {
            "outlets/kyodo_zh-hans_news.rss.xml", "zh-Hans", "Asia/Tokyo", 6,
            "详讯：朝鲜货船在丹东港外海进行船对船转运 日本政府称涉嫌违反制裁", "2026-11-30T00:15:00Z",
            "https://china.kyodonews.net/news/2026/11/4a1c7e92b6f3-.html"
        },
        {
            "outlets/kyodo_zh-hant_news.rss.xml", "zh-Hant", "Asia/Tokyo", 4,
            "詳訊：朝鮮貨船在丹東港外海進行船對船轉運 日本政府稱涉嫌違反制裁", "2026-11-30T00:15:00Z",
            "https://tchina.kyodonews.net/news/2026/11/5b2d8fa3c7e4-.html"
        },
        {
            "outlets/state_press-releases.rss.xml", "en", "America/New_York", 4,
            "Sanctioning Networks That Send DPRK Workers to Dandong and Shenyang", "2026-11-30T15:04:11Z",
            "https://www.state.gov/releases/office-of-the-spokesperson/2026/11/sanctioning-networks-that-send-dprk-workers-to-dandong-and-shenyang"
        },
        {
            // publishTime is Beijing time without an offset: 09:15 in Asia/Shanghai is 01:15 UTC.
            "outlets/cankaoxiaoxi_diyi_list.json", "zh-Hans", "Asia/Shanghai", 5,
            "外媒：朝鲜新义州至丹东货运列车恢复每日对开", "2026-11-30T01:15:00Z",
            "https://china.cankaoxiaoxi.com/pages/20261130/2660112.html"
        },
    };

    [Theory, MemberData(nameof(Outlets))]
    public async Task An_outlet_feed_is_stored_with_its_titles_links_and_publication_times(
        string fixture, string language, string zone, int items, string firstTitle, string firstPublished, string firstLink)
    {
        using var folder = new TempFolder();
        await using var pipeline = await Pipeline.StartAsync(folder);
        var url = server.Serve(Responses.Fixture(fixture, FixtureFiles.ContentTypeOf(fixture)), Path.GetFileName(fixture));
        var feed = fixture.EndsWith(".json") ? Feeds.CankaoJson("cankaoxiaoxi", url) : Feeds.Rss("outlet", url, language, zone);

        var report = await pipeline.PollOneAsync(feed);

        Assert.Equal(PollStatus.Fetched, report.Status);
        Assert.Equal(items, report.NewItems);
        var stored = await pipeline.Database.ItemsAsync();
        Assert.Equal(items, stored.Count);
        Assert.Equal(firstTitle, stored[0].Title);
        Assert.Equal(DateTimeOffset.Parse(firstPublished), stored[0].Published);
        Assert.Equal(new Uri(firstLink), new Uri(stored[0].Url!));
        Assert.All(stored, item => Assert.NotNull(item.Published));
        Assert.All(stored, item => Assert.DoesNotContain('\uFFFD', item.Title));
    }

    [Fact]
    public async Task A_Kyodo_link_with_a_trailing_en_dash_is_kept_as_one_address()
    {
        using var folder = new TempFolder();
        await using var pipeline = await Pipeline.StartAsync(folder);
        var url = server.Serve(Responses.Fixture("outlets/kyodo_zh-hans_news.rss.xml"));

        await pipeline.PollOneAsync(Feeds.Rss("kyodo-zh-hans", url, "zh-Hans", "Asia/Tokyo"));
        await pipeline.PollOneAsync(Feeds.Rss("kyodo-zh-hans", url, "zh-Hans", "Asia/Tokyo"));

        var bridge = Assert.Single(await pipeline.Database.ItemsAsync(), i => i.Title.StartsWith("中朝新鸭绿江大桥"));
        Assert.Equal("https://china.kyodonews.net/news/2026/11/bbcfbac4fd14%E2%80%93.html", new Uri(bridge.Url!).AbsoluteUri);
        Assert.Equal(6, await pipeline.Database.CountAsync("items"));
    }

    [Fact]
    public async Task The_Cankao_Xiaoxi_list_is_read_with_the_recipe_from_feeds_yaml()
    {
        using var folder = new TempFolder();
        await using var pipeline = await Pipeline.StartAsync(folder);
        var url = server.Serve(Responses.Fixture("outlets/cankaoxiaoxi_diyi_list.json", Responses.Json), "list.json");
        var feed = Feeds.CankaoJson("cankaoxiaoxi", url);

        var report = await pipeline.PollOneAsync(feed);

        Assert.Equal(FeedType.Json, feed.Type);
        Assert.Equal(5, report.ItemsFound);
        var guids = (await pipeline.Database.ItemsAsync()).Select(i => i.Guid);
        Assert.Equal(["2660112", "2660087", "2659954", "2659801", "2659733"], guids);
    }
}
