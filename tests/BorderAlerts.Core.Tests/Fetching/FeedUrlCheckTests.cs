using System.Net;
using System.Net.Sockets;
using BorderAlerts.Core.Fetching;

namespace BorderAlerts.Core.Tests.Fetching;

/// <summary>The pre-flight check `/feeds add` runs before saving. Host names resolve through a table, never the network.</summary>
public class FeedUrlCheckTests
{
    static readonly Dictionary<string, string[]> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["news.example"] = ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"],
        ["feeds.example"] = ["10.0.0.5"],
        ["split.example"] = ["93.184.216.34", "192.168.0.7"],
    };

    static Task<IPAddress[]> Resolve(string host, CancellationToken _) =>
        Names.TryGetValue(host, out var addresses) ? Task.FromResult(addresses.Select(IPAddress.Parse).ToArray())
            : Task.FromException<IPAddress[]>(new SocketException((int)SocketError.HostNotFound));

    static Task<FeedUrlCheck> Check(string url, bool allowPrivate = false) =>
        new AddressGuard(allowPrivate, resolve: Resolve).CheckUrlAsync(url, CancellationToken.None);

    [Fact]
    public async Task A_public_address_passes_and_the_answer_lists_what_it_resolves_to()
    {
        var check = await Check("https://news.example/nk.xml");

        Assert.True(check.Ok);
        Assert.Equal("ok: news.example resolves to 93.184.216.34, 2606:2800:220:1:248:1893:25c8:1946", check.Message);
    }

    [Fact]
    public async Task A_host_resolving_to_a_private_address_is_refused_with_the_address_its_range_and_the_setting()
    {
        var check = await Check("https://feeds.example/rss");

        Assert.False(check.Ok);
        Assert.Equal("refused: feeds.example resolves to 10.0.0.5 (private network); set BorderAlerts:Fetch:AllowPrivateAddresses=true to allow",
            check.Message);
    }

    [Fact]
    public async Task One_private_address_among_public_ones_is_enough_to_refuse() =>
        Assert.StartsWith("refused: split.example resolves to 192.168.0.7 (private network)", (await Check("http://split.example/")).Message);

    [Theory]
    [InlineData("http://2130706433/feed.xml", "refused: address 127.0.0.1 (loopback)")]
    [InlineData("http://[::ffff:10.0.0.5]/feed.xml", "refused: address ::ffff:10.0.0.5 (private network)")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "refused: address 169.254.169.254 (cloud metadata)")]
    [InlineData("http://[fd00:ec2::254]/", "refused: address fd00:ec2::254 (cloud metadata)")]
    [InlineData("http://[::1]:8080/", "refused: address ::1 (loopback)")]
    [InlineData("ftp://news.example/feed.xml", "only http and https addresses can be feeds, not ftp:")]
    [InlineData("file:///etc/passwd", "only http and https addresses can be feeds, not file:")]
    [InlineData("gopher://news.example/", "only http and https addresses can be feeds, not gopher:")]
    [InlineData("https://admin:hunter2@news.example/feed.xml", "addresses with a user name or password (user:pass@host) are not accepted")]
    [InlineData("news.example/feed.xml", "'news.example/feed.xml' is not an absolute address such as https://example.org/feed.xml")]
    [InlineData("https://nowhere.example/feed.xml", "nowhere.example does not resolve (HostNotFound)")]
    public async Task Refusals_say_why(string url, string message)
    {
        var check = await Check(url);

        Assert.False(check.Ok);
        Assert.StartsWith(message, check.Message);
    }

    [Fact]
    public async Task Allowing_private_addresses_lets_them_through_but_still_refuses_other_schemes_and_user_info()
    {
        Assert.True((await Check("https://feeds.example/rss", allowPrivate: true)).Ok);
        Assert.True((await Check("http://127.0.0.1:8080/feed.xml", allowPrivate: true)).Ok);
        Assert.False((await Check("ftp://feeds.example/rss", allowPrivate: true)).Ok);
        Assert.False((await Check("http://a:b@feeds.example/rss", allowPrivate: true)).Ok);
    }
}
