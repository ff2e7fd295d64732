using BorderAlerts.Core.Items;
using BorderAlerts.Core.Parsing;

namespace BorderAlerts.Core.Tests.Items;

public class IdentityTests
{
    static readonly Uri FeedUrl = new("https://china.kyodonews.net/rss/news.xml");

    [Theory]
    [InlineData("https://Example.COM/a?utm_source=x&b=2&a=1#xtor=RSS-1", "example.com/a?a=1&b=2")]
    [InlineData("http://example.com:80/a?fbclid=1", "example.com/a")]
    [InlineData("https://example.com:8443/a", "example.com:8443/a")]
    [InlineData("https://china.cankaoxiaoxi.com/#/detailsPage/diyi/3001/1/2026-11-30", "china.cankaoxiaoxi.com/#/detailsPage/diyi/3001/1/2026-11-30")]
    [InlineData("http://www.uriminzokkiri.com/index.php?ptype=ugisa1&no=1149315", "www.uriminzokkiri.com/index.php?no=1149315&ptype=ugisa1")]
    public void Canonical_addresses_drop_scheme_tracking_and_plain_fragments(string url, string expected) =>
        Assert.Equal(expected, UrlCanonicalizer.Canonical(new Uri(url)));

    [Fact]
    public void Http_and_https_and_tracking_variants_are_one_item()
    {
        var a = new ParsedItem(null, "t", new Uri("http://x.com/a?utm_medium=rss"), "", null);
        var b = new ParsedItem(null, "t", new Uri("https://x.com/a"), "", null);
        Assert.Equal(ItemIdentity.Keys(a, FeedUrl), ItemIdentity.Keys(b, FeedUrl));
    }

    [Fact]
    public void Opaque_guids_are_scoped_to_the_publishers_host_and_permalink_guids_are_addresses()
    {
        var opaque = ItemIdentity.Keys(new ParsedItem("12345", "t", new Uri("https://x.com/a"), "", null), FeedUrl);
        var permalink = ItemIdentity.Keys(new ParsedItem("https://x.com/a", "t", new Uri("https://x.com/a?utm_source=feed"), "", null), FeedUrl);
        Assert.Equal(["guid:china.kyodonews.net:12345", "url:x.com/a"], opaque);
        Assert.Equal(["url:x.com/a"], permalink);
    }

    [Fact]
    public void Items_without_guid_or_link_are_known_by_a_hash_of_normalised_title_and_text()
    {
        var a = ItemIdentity.Keys(new ParsedItem(null, "ＤＡＮＤＯＮＧ  customs!", null, "Coal seized.", null), FeedUrl);
        var b = ItemIdentity.Keys(new ParsedItem(null, "Dandong customs", null, "coal  seized", null), FeedUrl);
        var c = ItemIdentity.Keys(new ParsedItem(null, "Dandong customs", null, "iron seized", null), FeedUrl);
        Assert.Single(a);
        Assert.StartsWith("hash:", a[0]);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Evidence_round_trips_and_hashes_the_raw_bytes()
    {
        var body = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<rss>단둥</rss>", 500)));
        var evidence = Evidence.Capture(new RawResponse(FeedUrl, DateTimeOffset.UnixEpoch, body, [new("ETag", "\"x\"")]));
        Assert.Equal(body, evidence.Decompress());
        Assert.True(evidence.Compressed.Length < body.Length / 5);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body)), evidence.Sha256);
    }
}
