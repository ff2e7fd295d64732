using System.Text;
using BorderAlerts.Core.Parsing;

namespace BorderAlerts.Core.Tests.Parsing;

public class SyndicationParserTests
{
    static ParseResult Parse(byte[] body, string? language = null, string? zone = null, string? contentType = null) =>
        FeedParser.Parse(body, contentType, Fixture.Context(Fixture.Feed(language, zone is null ? null : Fixture.Zone(zone))));

    static ParseResult Parse(string xml, string? zone = null) => Parse(Encoding.UTF8.GetBytes(xml), zone: zone);

    [Theory]
    [InlineData("realfeeds/indianexpress_world_2017-01-07.rss.xml", 200)]
    [InlineData("realfeeds/japantimes_2017-01-08.rss.xml", 118)]
    [InlineData("realfeeds/yandex_ru_cyrillic.rss.xml", -1)]
    [InlineData("realfeeds/iso-8859-1_intranet30.rss.xml", -1)]
    public void Real_feeds_parse_with_titles_and_links(string fixture, int expectedCount)
    {
        var result = Parse(Fixture.Bytes(fixture));
        Assert.True(result.Ok, result.Error);
        if (expectedCount > 0) Assert.Equal(expectedCount, result.Items.Count);
        Assert.NotEmpty(result.Items);
        Assert.All(result.Items, i => Assert.False(string.IsNullOrWhiteSpace(i.Title)));
    }

    [Fact]
    public void Japan_times_items_without_dates_keep_a_null_date()
    {
        var result = Parse(Fixture.Bytes("realfeeds/japantimes_2017-01-08.rss.xml"));
        Assert.All(result.Items, i => Assert.Null(i.Published));
        Assert.All(result.Items, i => Assert.NotNull(i.Link));
    }

    [Fact]
    public void A_bare_channel_from_a_korean_cms_parses_with_its_local_dates()
    {
        var result = Parse(Fixture.Bytes("realfeeds/techdaily_ko_channel_fragment.xml"), "ko", "Asia/Seoul");
        Assert.True(result.Ok, result.Error);
        Assert.NotEmpty(result.Items);
        Assert.All(result.Items, i => Assert.Equal(TimeSpan.FromHours(9), i.Published!.Value.Offset));
    }

    [Fact]
    public void Euc_kr_feed_items_come_out_in_korean()
    {
        var result = Parse(Fixture.Bytes("realfeeds/feedparser_euc-kr-item.xml"));
        Assert.True(result.Ok, result.Error);
        Assert.Equal("년", result.Items.Single().Text);
    }

    [Fact]
    public void Rss_091_with_its_doctype_is_read()
    {
        var result = Parse("""
            <?xml version="1.0"?>
            <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
            <rss version="0.91"><channel><title>t</title><link>http://x/</link><description>d</description>
            <item><title>Sinuiju customs</title><link>http://x/1</link><description>Coal &amp; iron</description></item>
            </channel></rss>
            """);
        Assert.True(result.Ok, result.Error);
        Assert.Equal("Coal & iron", result.Items.Single().Text);
    }

    [Fact]
    public void Rss_10_atom_and_json_feed_are_read()
    {
        var rdf = Parse("""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
            <channel rdf:about="http://x/"><title>t</title><link>http://x/</link><description>d</description></channel>
            <item rdf:about="http://x/1"><title>丹东口岸</title><link>http://x/1</link></item></rdf:RDF>
            """);
        var atom = Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:x</id><updated>2026-11-30T00:00:00Z</updated>
            <entry><title>Rason trade fair</title><id>urn:x:1</id><link href="/news/1"/><updated>2026-11-30T09:00:00+09:00</updated>
            <summary type="html">&lt;p&gt;Hunchun &lt;b&gt;bridge&lt;/b&gt;&lt;/p&gt;</summary></entry></feed>
            """);
        var json = Parse("""{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[{"id":"9","url":"https://x/9","title":"단둥","content_text":"밀수","date_published":"2026-11-30T09:00:00+09:00"}]}""");
        Assert.Equal("丹东口岸", rdf.Items.Single().Title);
        Assert.Equal("Hunchun bridge", atom.Items.Single().Text);
        Assert.Equal(new Uri("http://feeds.example/news/1"), atom.Items.Single().Link);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero), json.Items.Single().Published);
    }

    [Theory]
    [InlineData("", "empty body")]
    [InlineData("   \n ", "empty body")]
    [InlineData("<!DOCTYPE html><html><body>Access denied</body></html>", "HTML page")]
    [InlineData("<rss version=\"2.0\"><channel><item><title>x</item></channel></rss>", "malformed XML at line 1")]
    [InlineData("<catalog><book/></catalog>", "not a feed")]
    [InlineData("{\"not\":\"a feed\"", "not a feed")]
    public void Bodies_that_are_not_feeds_fail_with_a_reason(string body, string reason)
    {
        var result = Parse(body);
        Assert.False(result.Ok);
        Assert.Contains(reason, result.Error);
    }

    [Fact]
    public void A_feed_between_a_leading_and_a_trailing_comment_is_read()
    {
        var body = "<?xml version=\"1.0\"?>\n<!-- generator: x -->\n<rss version=\"2.0\"><channel><title>t</title>" +
            "<item><title>丹东海关</title><link>https://example.org/1</link></item></channel></rss>\n<!-- served in 0.02 s -->\n";

        var result = Parse(Encoding.UTF8.GetBytes(body), "zh-Hans");

        Assert.True(result.Ok, result.Error);
        Assert.Equal("丹东海关", Assert.Single(result.Items).Title);
    }

    [Theory]
    [InlineData("", "application/rss+xml; charset=big5", "empty body")]
    [InlineData("<?xml version=\"1.0\" encoding=\"big5\"?>", null, "empty document: nothing after the XML declaration")]
    [InlineData("<?xml version=\"1.0\" encoding=\"big5\"?>\n<!-- no items today -->\n", "text/xml; charset=big5", "empty document: nothing after the XML declaration")]
    [InlineData("<?xml version=\"1.0\" encoding=\"big5\"?>\n<rss version=\"2.0\"></rss>", null, "empty document: rss has no channel")]
    [InlineData("<?xml version=\"1.0\" encoding=\"big5\"?><rss version=\"2.0\"/>", "text/xml; charset=big5", "empty document: rss has no channel")]
    [InlineData("<?xml version=\"1.0\" encoding=\"big5\"?><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"/>", null, "empty document: rdf:RDF has no channel or items")]
    [InlineData("{}", "application/feed+json; charset=big5", "empty document: an empty JSON object")]
    public void An_empty_big5_feed_says_it_is_empty_not_a_dotnet_exception(string body, string? contentType, string reason)
    {
        var result = Parse(Encoding.ASCII.GetBytes(body), "zh-Hant", contentType: contentType);
        Assert.False(result.Ok);
        Assert.StartsWith(reason, result.Error);
        Assert.DoesNotContain("Object reference", result.Error);
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\" encoding=\"big5\"?><rss version=\"2.0\"><channel><title>t</title></channel></rss>")]
    [InlineData("<?xml version=\"1.0\" encoding=\"big5\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title></feed>")]
    [InlineData("{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"t\",\"items\":[]}")]
    public void A_feed_with_no_items_today_is_read_as_zero_items(string body)
    {
        var result = Parse(Encoding.ASCII.GetBytes(body), "zh-Hant");
        Assert.True(result.Ok, result.Error);
        Assert.Empty(result.Items);
    }

    [Fact]
    public void An_atom_entry_with_only_updated_is_dated_by_it()
    {
        var result = Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:x</id><updated>2026-11-30T00:00:00Z</updated>
            <entry><title>Only updated</title><id>urn:x:1</id><updated>2026-11-29T09:00:00+09:00</updated></entry>
            <entry><title>Both</title><id>urn:x:2</id><published>2026-11-28T09:00:00+09:00</published><updated>2026-11-29T09:00:00+09:00</updated></entry>
            </feed>
            """);
        Assert.True(result.Ok, result.Error);
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero), result.Items[0].Published);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero), result.Items[1].Published);
    }

    [Fact]
    public void A_json_feed_item_with_only_date_modified_is_dated_by_it()
    {
        var result = Parse("""{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[{"id":"1","title":"x","date_modified":"2026-11-29T09:00:00+09:00"}]}""");
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero), result.Items.Single().Published);
    }

    [Fact]
    public void An_entity_expansion_bomb_is_refused_not_expanded()
    {
        var entities = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (int i = 1; i < 10; i++) entities.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">");
        var result = Parse($"<?xml version=\"1.0\"?><!DOCTYPE rss [{entities}]><rss version=\"2.0\"><channel><item><title>&lol9;</title></item></channel></rss>");
        Assert.False(result.Ok);
        Assert.Contains("malformed XML", result.Error);
    }

    [Fact]
    public void Hostile_html_in_descriptions_becomes_inert_text()
    {
        var result = Parse("""
            <rss version="2.0"><channel><item><title>&lt;script&gt;alert(1)&lt;/script&gt;Dandong</title><link>http://x/1</link>
            <description><![CDATA[<img src=x onerror=alert(1)><script>steal()</script><style>p{}</style><p>Smuggling&nbsp;case</p>]]></description>
            </item></channel></rss>
            """);
        var item = result.Items.Single();
        Assert.Equal("Dandong", item.Title);
        Assert.Equal("Smuggling case", item.Text);
    }

    [Fact]
    public void Items_with_neither_title_nor_text_are_skipped_and_counted()
    {
        var result = Parse("<rss version=\"2.0\"><channel><item><link>http://x/1</link></item><item><title>kept</title></item></channel></rss>");
        Assert.Equal("kept", result.Items.Single().Title);
        Assert.Equal(1, result.Skipped);
    }
}

public class HostileMarkupTests
{
    static ParseResult Parse(string xml) => FeedParser.Parse(Encoding.UTF8.GetBytes(xml), null, Fixture.Context(Fixture.Feed()));

    [Fact]
    public void Tens_of_thousands_of_line_breaks_or_nested_tags_are_reduced_to_text()
    {
        var breaks = "丹东" + string.Concat(Enumerable.Repeat("<br>", 50_000)) + "走私";
        var nested = string.Concat(Enumerable.Repeat("<b>", 100_000)) + "新义州";
        Assert.Equal("丹东 走私", PlainText.FromHtml(breaks, 1000));
        Assert.Equal("新义州", PlainText.FromHtml(nested, 1000));
        Assert.Equal("a & b", PlainText.FromHtml(new string(' ', 200_000) + "<script>x()</script>a &amp; b", 1000));
    }

    [Fact]
    public void Markup_nested_past_the_depth_limit_keeps_its_text_in_source_order()
    {
        // Past 512 levels AngleSharp re-attaches elements as siblings, which put later text before earlier text.
        var deep = string.Concat(Enumerable.Repeat("<div>", 515)) + "<div>丹东</div>海关<div>查获</div>走私";
        Assert.Equal("丹东 海关 查获 走私", PlainText.FromHtml(deep, 1000));
    }

    [Fact]
    public void A_cut_at_the_length_limit_never_leaves_half_a_surrogate_pair()
    {
        var text = PlainText.Collapse(new string('a', 9) + "😀 tail", 10);
        Assert.Equal(new string('a', 9), text);
    }

    [Fact]
    public void Absurdly_deep_xml_is_refused_with_a_reason()
    {
        var deep = "<rss version=\"2.0\"><channel>" + string.Concat(Enumerable.Repeat("<x>", 100_000)) + string.Concat(Enumerable.Repeat("</x>", 100_000)) + "</channel></rss>";
        var result = Parse(deep);
        Assert.False(result.Ok);
        Assert.Contains("nested more than 64 deep", result.Error);
    }

    [Fact]
    public void A_stray_control_character_costs_nothing_but_itself()
    {
        var result = Parse("<rss version=\"2.0\"><channel><item><title>丹东\u000B口岸&#11;通关</title></item><item><title>second</title></item></channel></rss>");
        Assert.True(result.Ok, result.Error);
        Assert.Equal(["丹东口岸通关", "second"], result.Items.Select(i => i.Title));
    }
}
