using System.Text;
using BorderAlerts.Core.Feeds;
using BorderAlerts.Core.Parsing;

namespace BorderAlerts.Core.Tests.Parsing;

public class ListParserTests
{
    static readonly HtmlRecipe Uriminzokkiri = new("div.blcgb_content", "a.blcgbc_title, a.blcgbc_title_unbold", null, "i.date", "a.blcgbc_cont", "i.date, i.new");
    static readonly JsonRecipe Cankao = new("list", "data.title", "data.url", "data.publishTime", null, "data.id");

    static ParseResult Uri(DateTimeOffset fetched) => FeedParser.Parse(Fixture.Bytes("realfeeds/uriminzokkiri_home_2018-03-18_excerpt.html"), "text/html",
        Fixture.Context(Fixture.Feed("ko", Fixture.Zone("Asia/Pyongyang"), FeedType.Html, html: Uriminzokkiri, url: "http://www.uriminzokkiri.com/index.php"), fetched));

    [Fact]
    public void Uriminzokkiri_front_page_yields_titles_without_date_badges_and_absolute_links()
    {
        var result = Uri(new DateTimeOffset(2018, 3, 18, 6, 0, 0, TimeSpan.Zero));
        Assert.True(result.Ok, result.Error);
        var first = result.Items[0];
        Assert.Equal("절대적인 기준─인민의 리익", first.Title);
        Assert.Equal(new System.Uri("http://www.uriminzokkiri.com/index.php?ptype=ugisa1&no=1149315"), first.Link);
        // Pyongyang kept UTC+8:30 from 2015 to May 2018; the zone database knows, so 2018 dates get it.
        Assert.Equal(new DateTimeOffset(2018, 3, 18, 0, 0, 0, new TimeSpan(8, 30, 0)), first.Published);
        Assert.Contains(result.Items, i => i.Title == "[보도]남조선의 《민주평화당》 리명박역도에 대한 구속수사를 강력히 요구");
        Assert.Contains(result.Items, i => i.Text.StartsWith("삼지연군꾸리기는 혁명의 성지를"));
    }

    [Fact]
    public void Uriminzokkiri_month_day_dates_take_the_year_of_the_fetch()
    {
        var result = Uri(new DateTimeOffset(2019, 1, 2, 0, 0, 0, TimeSpan.Zero));
        Assert.All(result.Items.Where(i => i.Published is not null), i => Assert.Equal(2018, i.Published!.Value.Year));
    }

    [Fact]
    public void A_selector_that_matches_nothing_gives_zero_items_not_an_error()
    {
        var recipe = Uriminzokkiri with { Item = "div.renamed-by-redesign" };
        var result = FeedParser.Parse(Fixture.Bytes("realfeeds/uriminzokkiri_home_2018-03-18_excerpt.html"), "text/html",
            Fixture.Context(Fixture.Feed("ko", type: FeedType.Html, html: recipe)));
        Assert.True(result.Ok);
        Assert.Empty(result.Items);
    }

    [Fact]
    public void An_invalid_selector_is_a_parse_error_naming_the_field()
    {
        var recipe = Uriminzokkiri with { Item = "div[[" };
        var result = FeedParser.Parse(Encoding.UTF8.GetBytes("<html><body></body></html>"), "text/html",
            Fixture.Context(Fixture.Feed(type: FeedType.Html, html: recipe)));
        Assert.Contains("html.item", result.Error);
    }

    [Fact]
    public void Cankao_json_list_reads_beijing_times_relative_links_and_numeric_fields()
    {
        var result = FeedParser.Parse(Fixture.Bytes("cankaoxiaoxi_list.json"), "application/json",
            Fixture.Context(Fixture.Feed("zh-Hans", Fixture.Zone("Asia/Shanghai"), FeedType.Json, json: Cankao,
                url: "https://china.cankaoxiaoxi.com/json/channel/diyi/list.json")));
        Assert.True(result.Ok, result.Error);
        Assert.Equal(3, result.Items.Count);
        Assert.Equal(1, result.Skipped);
        Assert.Equal("外媒：丹东口岸中朝贸易回暖", result.Items[0].Title);
        Assert.Equal("3001", result.Items[0].Guid);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 1, 15, 0, TimeSpan.Zero), result.Items[0].Published);
        Assert.Equal("https://china.cankaoxiaoxi.com/#/detailsPage/diyi/3002/1/2026-11-30", result.Items[1].Link!.ToString());
    }

    [Theory]
    [InlineData("{\"list\": [", "malformed JSON")]
    [InlineData("{\"items\": []}", "json.items: 'list' is not an array")]
    [InlineData("", "empty body")]
    public void Bad_json_fails_with_a_reason(string body, string reason)
    {
        var result = FeedParser.Parse(Encoding.UTF8.GetBytes(body), "application/json",
            Fixture.Context(Fixture.Feed(type: FeedType.Json, json: Cankao)));
        Assert.Contains(reason, result.Error);
    }
}

public class HostileListPageTests
{
    [Fact]
    public void A_page_with_an_absurd_number_of_tags_is_refused_with_a_reason()
    {
        var page = "<html><body>" + string.Concat(Enumerable.Repeat("<b>", 250_000)) + "</body></html>";
        var result = FeedParser.Parse(System.Text.Encoding.UTF8.GetBytes(page), "text/html",
            Fixture.Context(Fixture.Feed(type: FeedType.Html, html: new HtmlRecipe("div.item", "a", null, null, null, null))));
        Assert.Contains("too complex", result.Error);
    }

    [Theory]
    [InlineData("<div>", 90_000, "")]
    [InlineData("<div>", 190_000, "")]
    [InlineData("<div>", 90_000, "</div>")]
    [InlineData("<b>", 150_000, "")]
    public void A_page_nested_absurdly_deep_is_refused_naming_the_depth(string open, int depth, string close)
    {
        var page = "<html><body>" + string.Concat(Enumerable.Repeat(open, depth)) + "x" + string.Concat(Enumerable.Repeat(close, depth)) + "</body></html>";
        var result = FeedParser.Parse(System.Text.Encoding.UTF8.GetBytes(page), "text/html",
            Fixture.Context(Fixture.Feed(type: FeedType.Html, html: new HtmlRecipe("div.item", "a", null, null, null, null))));
        Assert.False(result.Ok);
        Assert.Contains("nested deeper than 400 elements", result.Error);
    }

    [Fact]
    public void A_page_nested_just_under_the_limit_and_wide_is_read()
    {
        var wrapper = string.Concat(Enumerable.Repeat("<div>", 390));
        var entries = string.Concat(Enumerable.Range(1, 5_000).Select(i => $"<p>unclosed paragraph<li>unclosed entry<div class=item><a href=/n/{i}>Dandong {i}</a></div>"));
        var page = "<html><body>" + wrapper + entries + "</body></html>";
        var result = FeedParser.Parse(System.Text.Encoding.UTF8.GetBytes(page), "text/html",
            Fixture.Context(Fixture.Feed(type: FeedType.Html, html: new HtmlRecipe("div.item", "a", null, null, null, null))));
        Assert.True(result.Ok, result.Error);
        Assert.Equal(5_000, result.Items.Count);
        Assert.Equal("Dandong 5000", result.Items[^1].Title);
    }
}
