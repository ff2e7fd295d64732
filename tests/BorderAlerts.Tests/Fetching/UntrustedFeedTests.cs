using System.Net;
using BorderAlerts.Core.Fetching;
using BorderAlerts.Core.Storage;
using BorderAlerts.Hosting;
using BorderAlerts.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlerts.Tests.Fetching;

/// <summary>
/// Feeds added from chat (Untrusted) connect only to public addresses, through the real SocketsHttpHandler whose
/// connect step is the guard; file-configured feeds keep reaching the loopback server as before.
/// </summary>
public sealed class UntrustedFeedTests(FeedServer server) : IClassFixture<FeedServer>
{
    const string Kyodo = "outlets/kyodo_zh-hans_news.rss.xml";

    [Fact]
    public async Task An_untrusted_feed_on_loopback_is_refused_before_any_request_and_the_reason_is_recorded()
    {
        using var folder = new TempFolder();
        await using var pipeline = await Pipeline.StartAsync(folder);
        var url = server.Serve(Responses.Fixture(Kyodo));

        var report = await pipeline.PollOneAsync(Feeds.Rss("from-chat", url) with { Untrusted = true });

        Assert.Equal(PollStatus.Failed, report.Status);
        Assert.Equal("Refused: address 127.0.0.1 (loopback); set BorderAlerts:Fetch:AllowPrivateAddresses=true to allow", report.Error);
        Assert.Equal(0, server.RequestCount(url));
        Assert.Equal(report.Error, (await pipeline.HealthAsync("from-chat")).LastError);
    }

    [Fact]
    public async Task A_host_name_that_resolves_to_loopback_is_refused_too()
    {
        using var folder = new TempFolder();
        await using var pipeline = await Pipeline.StartAsync(folder);
        var url = server.Serve(Responses.Fixture(Kyodo));
        var byName = new UriBuilder(url) { Host = "localhost" }.Uri;

        var report = await pipeline.PollOneAsync(Feeds.Rss("by-name", byName) with { Untrusted = true });

        Assert.StartsWith("Refused: localhost resolves to ", report.Error);
        Assert.Contains("(loopback)", report.Error);
        Assert.Equal(0, server.RequestCount(url));
    }

    [Fact]
    public async Task The_same_loopback_feed_from_feeds_yaml_is_fetched()
    {
        using var folder = new TempFolder();
        await using var pipeline = await Pipeline.StartAsync(folder);
        var url = server.Serve(Responses.Fixture(Kyodo));

        var report = await pipeline.PollOneAsync(Feeds.Rss("from-file", url));

        Assert.Equal(PollStatus.Fetched, report.Status);
        Assert.Equal(1, server.RequestCount(url));
    }

    [Fact]
    public async Task AllowPrivateAddresses_lets_an_untrusted_loopback_feed_through()
    {
        using var folder = new TempFolder();
        await using var pipeline = await Pipeline.StartAsync(folder, ("Fetch:AllowPrivateAddresses", "true"));
        var url = server.Serve(Responses.Fixture(Kyodo));

        var report = await pipeline.PollOneAsync(Feeds.Rss("allowed", url) with { Untrusted = true });

        Assert.Equal(PollStatus.Fetched, report.Status);
        Assert.Equal(1, server.RequestCount(url));
    }

    /// <summary>
    /// feeds.test stands for a public site (it resolves to the loopback feed server, which this guard treats as public);
    /// intranet.test resolves to 127.0.0.2, where a real server listens. The redirect hop is refused at its connect.
    /// </summary>
    [Fact]
    public async Task A_redirect_from_a_public_host_to_an_internal_one_is_refused_at_the_second_hop()
    {
        await using var intranet = await IntranetServer.StartAsync();
        var entry = server.Serve(Responses.Redirect($"http://intranet.test:{intranet.Port}/admin/feed.xml"));
        var fetcher = Fetcher(Guard(allowPrivate: false));

        var result = await fetcher.FetchAsync(new FetchRequest(ByName(entry, "feeds.test"), Untrusted: true), CancellationToken.None);

        var failed = Assert.IsType<FetchResult.Failed>(result);
        Assert.Equal(FetchFailure.Refused, failed.Kind);
        Assert.Equal("intranet.test resolves to 127.0.0.2 (loopback); set BorderAlerts:Fetch:AllowPrivateAddresses=true to allow", failed.Message);
        Assert.Equal(1, server.RequestCount(entry));
        Assert.Equal(0, intranet.Requests);
    }

    [Fact]
    public async Task With_private_addresses_allowed_the_same_redirect_reaches_the_internal_server()
    {
        await using var intranet = await IntranetServer.StartAsync();
        var entry = server.Serve(Responses.Redirect($"http://intranet.test:{intranet.Port}/admin/feed.xml"));
        var fetcher = Fetcher(Guard(allowPrivate: true));

        var result = await fetcher.FetchAsync(new FetchRequest(ByName(entry, "feeds.test"), Untrusted: true), CancellationToken.None);

        Assert.Equal("intranet.test", Assert.IsType<FetchResult.Fetched>(result).FinalUrl.Host);
        Assert.Equal(1, intranet.Requests);
    }

    [Fact]
    public async Task A_name_that_passed_the_preflight_check_and_then_rebinds_to_an_internal_address_is_refused_at_connect()
    {
        var answers = 0;
        var guard = new AddressGuard(false, PublicLoopback, (host, _) =>
            Task.FromResult(new[] { IPAddress.Parse(Interlocked.Increment(ref answers) == 1 ? "127.0.0.1" : "10.1.2.3") }));
        var url = ByName(server.Serve(Responses.Fixture(Kyodo)), "rebind.test");

        var check = await guard.CheckUrlAsync(url.ToString(), CancellationToken.None);
        var result = await Fetcher(guard).FetchAsync(new FetchRequest(url, Untrusted: true), CancellationToken.None);

        Assert.True(check.Ok, check.Message);
        Assert.StartsWith("rebind.test resolves to 10.1.2.3 (private network)", Assert.IsType<FetchResult.Failed>(result).Message);
        Assert.Equal(0, server.RequestCount(url));
    }

    /// <summary>127.0.0.1 plays the public internet here; everything else is judged as in production.</summary>
    static string? PublicLoopback(IPAddress address) => address.Equals(IPAddress.Loopback) ? null : AddressClassifier.BlockedRange(address);

    static AddressGuard Guard(bool allowPrivate) => new(allowPrivate, PublicLoopback, (host, _) => Task.FromResult(host switch
    {
        "feeds.test" => new[] { IPAddress.Loopback },
        "intranet.test" => [IPAddress.Parse("127.0.0.2")],
        _ => throw new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.HostNotFound),
    }));

    static Uri ByName(Uri url, string host) => new UriBuilder(url) { Host = host }.Uri;

    /// <summary>The fetcher from the real composition root, with the guard swapped for one that resolves test names.</summary>
    static IFeedFetcher Fetcher(AddressGuard guard)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection().AddLogging().AddBorderAlerts(configuration).AddSingleton(guard).BuildServiceProvider();
        return services.GetRequiredService<IFeedFetcher>();
    }
}
