using System.Text;
using BorderAlerts.Core.Parsing;

namespace BorderAlerts.Core.Tests.WebSub;

/// <summary>
/// WebSub discovery (W3C WebSub §4): Link headers first, then the document's feed-level hub and self links — atom:link in
/// an RSS channel, Atom's own links, a JSON Feed's hubs — resolved against the fetched address; no topic, no push.
/// </summary>
public class PushLinksTests
{
    static readonly Uri Fetched = new("https://news.example/feeds/border.xml");
    static readonly KeyValuePair<string, string>[] NoHeaders = [];

    static PushLinks? Of(string body, params KeyValuePair<string, string>[] headers)
    {
        var parsed = FeedParser.Parse(Encoding.UTF8.GetBytes(body), null, new ParseContext(Fixture.Feed(), Fetched, DateTimeOffset.UtcNow));
        Assert.True(parsed.Ok, parsed.Error);
        return PushLinks.Find(headers, parsed.Push, Fetched);
    }

    const string Item = "<item><title>t</title><link>https://news.example/1</link></item>";

    [Fact]
    public void An_rss_channel_names_its_hub_and_itself_with_atom_links() => Assert.Equal(
        new PushLinks(new Uri("https://hub.example/"), new Uri("https://news.example/feeds/border.xml")),
        Of($"""<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>c</title><link>https://news.example/</link><description>d</description><atom:link rel="hub" href="https://hub.example/"/><atom:link href="border.xml" rel="self" type="application/rss+xml"/>{Item}</channel></rss>"""));

    [Fact]
    public void An_atom_feed_names_them_with_its_own_links_and_an_entrys_links_do_not_count() => Assert.Equal(
        new PushLinks(new Uri("https://pubsubhubbub.appspot.com/"), new Uri("https://news.example/atom")),
        Of("""<feed xmlns="http://www.w3.org/2005/Atom"><title>f</title><id>urn:f</id><updated>2026-12-01T00:00:00Z</updated><link rel="self" href="https://news.example/atom"/><link rel="hub" href="https://pubsubhubbub.appspot.com/"/><entry><title>e</title><id>urn:e</id><updated>2026-12-01T00:00:00Z</updated><link rel="hub" href="https://evil.example/"/></entry></feed>"""));

    [Fact]
    public void A_json_feed_names_a_websub_hub_and_its_feed_url() => Assert.Equal(
        new PushLinks(new Uri("https://hub.example/json"), new Uri("https://news.example/feed.json")),
        Of("""{"version":"https://jsonfeed.org/version/1.1","title":"j","feed_url":"https://news.example/feed.json","hubs":[{"type":"rssCloud","url":"https://cloud.example/"},{"type":"WebSub","url":"https://hub.example/json"}],"items":[{"id":"1","url":"https://news.example/1","content_text":"x"}]}"""));

    [Fact]
    public void Link_headers_come_before_the_document()
    {
        var links = Of($"""<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>c</title><link>https://news.example/</link><description>d</description><atom:link rel="hub" href="https://hub.example/"/><atom:link rel="self" href="https://news.example/x"/>{Item}</channel></rss>""",
            new KeyValuePair<string, string>("Link", "<https://push.example/hub>; rel=\"hub\", </feeds/border.xml>; rel=self"));
        Assert.Equal(new PushLinks(new Uri("https://push.example/hub"), new Uri("https://news.example/feeds/border.xml")), links);
    }

    [Theory]
    [InlineData("<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\"><channel><title>c</title><link>https://news.example/</link><description>d</description><atom:link rel=\"hub\" href=\"https://hub.example/\"/>" + Item + "</channel></rss>")]
    [InlineData("<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\"><channel><title>c</title><link>https://news.example/</link><description>d</description><atom:link rel=\"hub\" href=\"ftp://hub.example/\"/><atom:link rel=\"self\" href=\"https://news.example/x\"/>" + Item + "</channel></rss>")]
    [InlineData("<rss version=\"2.0\"><channel><title>c</title><link>https://news.example/</link><description>d</description>" + Item + "</channel></rss>")]
    public void A_feed_without_both_an_http_hub_and_a_self_address_is_not_pushed(string body) => Assert.Null(Of(body));

    [Theory]
    [InlineData("<https://h.example/>; rel=\"hub self\"", "https://h.example/", "https://h.example/")]
    [InlineData("<https://h.example/>;rel=hub,<https://t.example/f>;rel=\"self\"", "https://h.example/", "https://t.example/f")]
    [InlineData("<https://t.example/f>; rel=\"self\"; type=\"application/rss+xml\", <https://h.example/>; title=\"a, b\"; rel=\"hub\"", "https://h.example/", "https://t.example/f")]
    public void Link_header_values_are_read_as_rfc_8288_writes_them(string header, string hub, string self) =>
        Assert.Equal(new PushLinks(new Uri(hub), new Uri(self)), PushLinks.Find([new("Link", header)], null, Fetched));
}
