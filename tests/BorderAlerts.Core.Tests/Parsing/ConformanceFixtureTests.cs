using BorderAlerts.Core.Items;
using BorderAlerts.Core.Parsing;

namespace BorderAlerts.Core.Tests.Parsing;

/// <summary>Issue 20 points 1–4 on the hand-written fixtures of Fixtures/conformance (see its README).</summary>
public class ConformanceFixtureTests
{
    static ParseResult Parse(string fixture, string? language = null, string? contentType = null) =>
        FeedParser.Parse(Fixture.Bytes("conformance/" + fixture), contentType, Fixture.Context(Fixture.Feed(language)));

    [Theory]
    [InlineData("atom_prefixed.atom.xml", "Dandong customs seize coal bound for Sinuiju|Hunchun trade fair reopens to Rason traders", "http://border.example/news/1")]
    [InlineData("rss20_prefixed_root.rss.xml", "Sinuiju warehouses lit again after curfew|Ferry traffic at Hekou paused for inspections", "http://yalu.example/2026/11/sinuiju-warehouses")]
    [InlineData("rdf_prefixed.rdf.xml", "图们口岸恢复货运通关|Quanhe bridge closed for repairs", "http://tumen.example/bulletin/88")]
    [InlineData("rss_items_without_channel.rss.xml", "Dalian port turns away vessel flagged by the UN panel|Yingkou customs publish seizure figures", "http://ports.example/notice/301")]
    public void Prefixed_and_channel_less_documents_give_their_items(string fixture, string titles, string firstLink)
    {
        var result = Parse(fixture);
        Assert.True(result.Ok, result.Error);
        Assert.Equal(titles.Split('|'), result.Items.Select(i => i.Title));
        Assert.Equal(new Uri(firstLink), result.Items[0].Link);
        Assert.All(result.Items, i => Assert.NotNull(i.Published));
    }

    [Theory]
    [InlineData("<r:rss xmlns:r=\"http://backend.userland.com/rss2\" version=\"2.0\"><channel><item><title>a</title></item><item><title>b</title></item></channel></r:rss>")]
    [InlineData("<rss version=\"2.0\"><channel><title>t</title><item><title>a</title></item></channel><item><title>b</title></item></rss>")]
    [InlineData("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:rss=\"http://purl.org/rss/1.0/\"><rss:item><rss:title>a</rss:title></rss:item><rss:item><rss:title>b</rss:title></rss:item></rdf:RDF>")]
    [InlineData("<rss version=\"2.0\"><channel><item><title>a&nbsp;</title></item><item><title>&eacute;b</title></item></channel></rss>")]
    public void Variants_seen_in_the_wild_give_their_items(string xml)
    {
        var result = FeedParser.Parse(System.Text.Encoding.UTF8.GetBytes(xml), null, Fixture.Context(Fixture.Feed()));
        Assert.True(result.Ok, result.Error);
        Assert.Equal(2, result.Items.Count);
    }

    [Fact]
    public void A_prefixed_atom_entry_keeps_its_text_and_dates()
    {
        var items = Parse("atom_prefixed.atom.xml").Items;
        Assert.Equal("Two trucks of anthracite were held at the Friendship Bridge.", items[0].Text);
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 2, 0, 0, TimeSpan.Zero), items[1].Published);
    }

    [Theory]
    [InlineData("utf16be_no_bom.rss.xml", "utf-16be")]
    [InlineData("utf16le_no_bom.rss.xml", "utf-16le")]
    public void Utf16_without_a_byte_order_mark_is_known_by_its_first_bytes(string fixture, string encoding)
    {
        var decoded = TextDecoder.Decode(Fixture.Bytes("conformance/" + fixture), "application/rss+xml", null);
        Assert.Equal((encoding, "first bytes"), (decoded.EncodingName, decoded.DecidedBy));
        var result = Parse(fixture, contentType: "application/rss+xml");
        Assert.True(result.Ok, result.Error);
        Assert.Equal(encoding, result.EncodingName);
        Assert.Equal(("丹东海关查获走私煤炭", "新义州方向货车被扣。"), (result.Items.Single().Title, result.Items.Single().Text));
    }

    [Theory]
    [InlineData("koi8r_ru_undeclared.rss.xml", "koi8-r", "Поезд из Туманной в Хасан снова ходит")]
    [InlineData("tis620_th_undeclared.rss.xml", "windows-874", "ศุลกากรยึดถ่านหินจากเกาหลีเหนือ")]
    [InlineData("windows1255_he_undeclared.rss.xml", "windows-1255", "סין עצרה משלוח פחם מצפון קוריאה")]
    public void Undeclared_legacy_bytes_are_read_in_the_encoding_the_feeds_language_implies(string fixture, string encoding, string title)
    {
        var result = Parse(fixture);
        Assert.True(result.Ok, result.Error);
        Assert.Equal(encoding, result.EncodingName);
        Assert.Equal(title, result.Items.Single().Title);
    }

    [Fact]
    public void Windows_1251_russian_is_told_apart_from_koi8_r_by_its_letters()
    {
        var koi8 = Fixture.Bytes("conformance/koi8r_ru_undeclared.rss.xml");
        var text = CharsetNames.Lenient(20866).GetString(koi8);
        var decoded = TextDecoder.Decode(CharsetNames.Lenient(1251).GetBytes(text), null, "ru");
        Assert.Equal("windows-1251", decoded.EncodingName);
        Assert.Contains("Поезд из Туманной в Хасан снова ходит", decoded.Text);
    }

    [Fact]
    public void Relative_links_resolve_against_xml_base_before_the_document_address()
    {
        var links = Parse("atom_xml_base.atom.xml").Items.Select(i => i.Link?.ToString());
        Assert.Equal([
            "http://feeds.example/desk/2026/nampo-tankers",
            "http://feeds.example/press/dandong-trading",
            "http://mirror.example/notices/rason-shipping",
            "http://other.example/a?b=1&utm_source=rss",
        ], links);
    }

    [Fact]
    public void A_permalink_guid_is_the_address_of_an_item_without_a_link()
    {
        var items = Parse("rss20_permalink_guid.rss.xml").Items;
        Assert.Equal([
            "http://monitor.example/2026/11/30/explicit",
            "https://monitor.example/2026/11/30/default",
            null,
            "http://monitor.example/2026/11/30/link",
        ], items.Select(i => i.Link?.ToString()));
        var feedUrl = new Uri("http://feeds.example/feed.xml");
        // Identity keys stay what they were: the permalink was already the item's address key.
        Assert.Equal(["url:monitor.example/2026/11/30/explicit"], ItemIdentity.Keys(items[0], feedUrl));
        Assert.Equal(["url:monitor.example/?p=992", "url:monitor.example/2026/11/30/link"], ItemIdentity.Keys(items[3], feedUrl));
    }

    [Fact]
    public void Rss_091_with_netscape_entities_and_windows_1252_controls_is_read()
    {
        var result = Parse("rss091_netscape_entities.rss.xml");
        Assert.True(result.Ok, result.Error);
        Assert.Equal([
            ("Dandong café owners don’t expect tourists", "Coal prices — again – rose by 5 € & more."),
            ("Sinuiju traders won’t talk", "Traders évitent the press"),
        ], result.Items.Select(i => (i.Title, i.Text)));
    }

    [Theory]
    [InlineData("rdf_dcterms_bare_dates.rdf.xml", "2004-05-06|2004-05-03")]
    [InlineData("rss20_dc_bare_dates.rss.xml", "2004-05-07|2004-05-05")]
    public void Dublin_core_bare_dates_date_the_items(string fixture, string days)
    {
        var result = FeedParser.Parse(Fixture.Bytes("conformance/" + fixture), null, Fixture.Context(Fixture.Feed(zone: Fixture.Zone("Asia/Seoul"))));
        Assert.True(result.Ok, result.Error);
        var expected = days.Split('|').Select(d => new DateTimeOffset(DateTime.Parse(d), TimeSpan.FromHours(9)));
        Assert.Equal(expected, result.Items.Select(i => i.Published!.Value));
    }

    [Fact]
    public void Text_in_other_item_elements_is_read_and_description_still_wins()
    {
        var result = Parse("rss20_other_text_elements.rss.xml");

        Assert.True(result.Ok, result.Error);
        Assert.Equal(0, result.Skipped);
        Assert.Equal(
            ["Dandong customs held two coal trucks at the Friendship Bridge.", "Podcast: smuggling routes on the Tumen river.",
             "Hunchun fair reopens to Rason traders.", "The description wins over dc:description."],
            result.Items.Select(i => i.Text));
    }

    [Fact]
    public void An_rss_1_0_item_is_named_by_its_rdf_about()
    {
        var items = Parse("rdf_about_ids.rdf.xml").Items;
        var feed = new Uri("http://bulletin.example/rss");

        Assert.Equal(["http://bulletin.example/notice/7", "http://bulletin.example/notice/8"], items.Select(i => i.Guid));
        Assert.Contains("url:" + UrlCanonicalizer.Canonical(new Uri("http://bulletin.example/notice/7")), ItemIdentity.Keys(items[0], feed));
        Assert.Equal(new Uri("http://bulletin.example/notice/8"), items[1].Link ?? new Uri(items[1].Guid!)); // no link: its about is its address
    }
}
