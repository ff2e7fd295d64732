using BorderAlerts.Core.Fetching;
using BorderAlerts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlerts.Tests.Fetching;

/// <summary>A body fetched into a stream (a watchlist's spool file) instead of memory, under the request's own cap.</summary>
public sealed class SpooledBodyTests(FeedServer server) : IClassFixture<FeedServer>
{
    static readonly byte[] Kyodo = FixtureFiles.Read("outlets/kyodo_zh-hans_news.rss.xml");

    [Fact]
    public async Task A_body_asked_into_a_stream_is_written_there_and_not_kept_in_memory()
    {
        using var folder = new TempFolder();
        await using var pipeline = await Pipeline.StartAsync(folder);
        using var spool = new MemoryStream();

        var result = await pipeline.Services.GetRequiredService<IFeedFetcher>().FetchAsync(
            new FetchRequest(server.Serve(Responses.Bytes(Kyodo, Responses.Rss)), BodyTo: spool), CancellationToken.None);

        var fetched = Assert.IsType<FetchResult.Fetched>(result);
        Assert.Empty(fetched.Body);
        Assert.Equal(Kyodo, spool.ToArray());
    }

    [Fact]
    public async Task A_body_past_the_requests_cap_stops_the_copy_and_is_too_large()
    {
        using var folder = new TempFolder();
        await using var pipeline = await Pipeline.StartAsync(folder);
        using var spool = new MemoryStream();

        var result = await pipeline.Services.GetRequiredService<IFeedFetcher>().FetchAsync(
            new FetchRequest(server.Url(FeedServer.Endless), MaxBodyBytes: 1024 * 1024, BodyTo: spool), CancellationToken.None);

        Assert.Equal(FetchFailure.TooLarge, Assert.IsType<FetchResult.Failed>(result).Kind);
        Assert.InRange(spool.Length, 1, 1024 * 1024);
    }
}
