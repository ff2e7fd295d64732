using BorderAlerts.Core.Feeds;
using BorderAlerts.Core.Storage;
using BorderAlerts.Tests.Infrastructure;

namespace BorderAlerts.Tests.Parsing;

/// <summary>Every feed format docs/architecture.md §3 names, and the HTML list recipe for Uriminzokkiri, through the pipeline.</summary>
public sealed class FeedFormatTests(FeedServer server) : IClassFixture<FeedServer>
{
    public static TheoryData<string, string, string> Formats => new()
    {
        // format, Content-Type, body
        { "RSS 0.91", "application/rss+xml", """<?xml version="1.0"?><rss version="0.91"><channel><title>t</title><link>https://x.example/</link><description>d</description><item><title>丹东海关查获走私煤炭</title><link>https://x.example/091</link></item></channel></rss>""" },
        { "RSS 1.0 (RDF)", "application/rdf+xml", """<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel rdf:about="https://x.example/"><title>t</title><link>https://x.example/</link><description>d</description></channel><item rdf:about="https://x.example/rdf"><title>丹东海关查获走私煤炭</title><link>https://x.example/rdf</link></item></rdf:RDF>""" },
        { "Atom", "application/atom+xml", """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>tag:x.example,2026:feed</id><updated>2026-11-30T01:00:00Z</updated><entry><id>tag:x.example,2026:1</id><title>丹东海关查获走私煤炭</title><link href="https://x.example/atom"/><updated>2026-11-30T01:00:00Z</updated></entry></feed>""" },
        { "JSON Feed", "application/feed+json", """{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[{"id":"1","title":"丹东海关查获走私煤炭","url":"https://x.example/json","date_published":"2026-11-30T01:00:00Z"}]}""" },
    };

    [Theory, MemberData(nameof(Formats))]
    public async Task Each_feed_format_is_read_and_stored(string format, string contentType, string body)
    {
        using var folder = new TempFolder();
        await using var pipeline = await Pipeline.StartAsync(folder);
        var url = server.Serve(Responses.Text(body, contentType + "; charset=utf-8"));

        var report = await pipeline.PollOneAsync(Feeds.Rss("formats", url, "zh-Hans"));

        Assert.True(report.Status == PollStatus.Fetched, $"{format}: {report.Error}");
        var item = Assert.Single(await pipeline.Database.ItemsAsync());
        Assert.Equal("丹东海关查获走私煤炭", item.Title);
        Assert.StartsWith("https://x.example/", item.Url);
    }

    [Fact]
    public async Task The_Uriminzokkiri_front_page_is_read_with_the_html_recipe_from_feeds_yaml()
    {
        using var folder = new TempFolder();
        await using var pipeline = await Pipeline.StartAsync(folder);
        var url = server.Serve(Responses.Fixture("realfeeds/uriminzokkiri_home_2018-03-18_excerpt.html", Responses.Html), "index.php");
        var feed = new FeedDefinition
        {
            Id = "uriminzokkiri", Name = "우리민족끼리", Url = url, Type = FeedType.Html, Language = "ko", TimeZone = Feeds.Zone("Asia/Pyongyang"),
            Html = new HtmlRecipe("div.blcgb_content", "a.blcgbc_title, a.blcgbc_title_unbold", null, "i.date", "a.blcgbc_cont", "i.date, i.new"),
        };

        var report = await pipeline.PollOneAsync(feed);

        Assert.True(report.Status == PollStatus.Fetched, report.Error);
        var items = await pipeline.Database.ItemsAsync();
        Assert.Equal("절대적인 기준─인민의 리익", items[0].Title);
        Assert.Equal(new Uri(url, "index.php?ptype=ugisa1&no=1149315"), new Uri(items[0].Url!));
        Assert.All(items, i => Assert.DoesNotMatch(@"\d\d-\d\d$", i.Title));
        Assert.Equal(items.Count, items.Select(i => i.Url).Distinct().Count());
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task A_lone_surrogate_in_one_json_feed_item_costs_only_that_character(Store store)
    {
        using var folder = new TempFolder(store);
        await using var pipeline = await Pipeline.StartAsync(folder);
        var url = server.Serve(Responses.Text("""
            {"version":"https://jsonfeed.org/version/1.1","title":"t","items":[
              {"id":"1","title":"丹东海关查获走私煤炭","url":"https://x.example/1"},
              {"id":"2","title":"\ud800 新义州","content_text":"煤炭 \udc00","url":"https://x.example/2"},
              {"id":"3","title":"中朝友谊桥","url":"https://x.example/3"}]}
            """, "application/feed+json; charset=utf-8"));

        var report = await pipeline.PollOneAsync(Feeds.Rss("lone-surrogate", url, "zh-Hans"));

        Assert.True(report.Status == PollStatus.Fetched, report.Error);
        var titles = (await pipeline.Database.ItemsAsync()).Select(i => i.Title).Order(StringComparer.Ordinal);
        Assert.Equal(["中朝友谊桥", "丹东海关查获走私煤炭", "\uFFFD 新义州"], titles);
    }
}
