using BorderAlerts.Core.Storage;
using BorderAlerts.Tests.Infrastructure;

namespace BorderAlerts.Tests.Fetching;

/// <summary>Redirects are followed by hand, up to the configured cap.</summary>
public sealed class RedirectTests(FeedServer server) : IClassFixture<FeedServer>
{
    [Fact]
    public async Task A_redirect_loop_stops_at_the_redirect_cap_and_is_recorded()
    {
        using var folder = new TempFolder();
        await using var pipeline = await Pipeline.StartAsync(folder, ("Fetch:MaxRedirects", "3"));
        string a = server.NewPath("a"), b = server.NewPath("b");
        server.Routes[a] = Responses.Redirect(b);
        server.Routes[b] = Responses.Redirect(a);

        var report = await pipeline.PollOneAsync(Feeds.Rss("looping", server.Url(a)));

        Assert.Equal(PollStatus.Failed, report.Status);
        Assert.StartsWith("TooManyRedirects: more than 3 redirects", report.Error);
        Assert.Equal(4, server.RequestCount(server.Url(a)) + server.RequestCount(server.Url(b)));
    }

    [Fact]
    public async Task The_standing_loop_route_fails_the_same_way()
    {
        using var folder = new TempFolder();
        await using var pipeline = await Pipeline.StartAsync(folder);

        var report = await pipeline.PollOneAsync(Feeds.Rss("looping", server.Url(FeedServer.Loop)));

        Assert.StartsWith("TooManyRedirects: more than 5 redirects", report.Error);
    }

    [Fact]
    public async Task A_moved_feed_is_followed_and_its_evidence_names_the_final_address()
    {
        using var folder = new TempFolder();
        await using var pipeline = await Pipeline.StartAsync(folder);
        var moved = server.Serve(Responses.Fixture("outlets/state_press-releases.rss.xml"), "feed/");
        var old = server.Serve(Responses.Redirect(moved.ToString(), 301), "press-releases.xml");

        var report = await pipeline.PollOneAsync(Feeds.Rss("state-press-releases", old, "en"));

        Assert.Equal(PollStatus.Fetched, report.Status);
        Assert.Equal(4, report.NewItems);
        Assert.Equal(moved, new Uri(Assert.Single(await pipeline.Database.EvidenceAsync()).Url));
    }
}
