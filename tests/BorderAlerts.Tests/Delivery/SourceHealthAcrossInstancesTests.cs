using BorderAlerts.Core.Delivery;
using BorderAlerts.Core.Feeds;
using BorderAlerts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlerts.Tests.Delivery;

/// <summary>
/// Which source-health notices were told is kept in the store: the once-a-minute job on another instance, or after a
/// restart, does not tell a condition again, and does tell its end.
/// </summary>
public sealed class SourceHealthAcrossInstancesTests(FeedServer feeds) : IClassFixture<FeedServer>
{
    static Task<IReadOnlyList<string>> CheckAsync(Pipeline instance, FeedDefinition feed)
    {
        instance.Catalog.Upsert([feed]);
        return instance.Services.GetRequiredService<SourceHealthMonitor>().CheckAsync(CancellationToken.None);
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task Another_instance_and_a_restart_neither_repeat_a_notice_nor_miss_the_recovery(Store store)
    {
        using var folder = new TempFolder(store);
        var url = feeds.Serve(Responses.Status(403));
        var feed = Feeds.Rss("state-press-releases", url, "en");
        IReadOnlyList<string> first, onTheOther;
        await using (var one = await Pipeline.StartAsync(folder))
        await using (var two = await Pipeline.StartAsync(folder))
        {
            for (int i = 0; i < 3; i++) await one.PollOneAsync(feed);
            first = await CheckAsync(one, feed);
            onTheOther = await CheckAsync(two, feed);
        }

        await using var restarted = await Pipeline.StartAsync(folder);
        var afterRestart = await CheckAsync(restarted, feed);
        feeds.Answer(url, Responses.Bytes(DeliveryHarness.Stories(2, seed: 60), "application/rss+xml"));
        await restarted.PollOneAsync(feed);
        var recovered = await CheckAsync(restarted, feed);

        Assert.Contains(first, n => n.Contains("'state-press-releases' is refusing us (HTTP 403, 3 times in a row)"));
        Assert.Contains(first, n => n.Contains("'state-press-releases' has been failing"));
        Assert.Empty(onTheOther);
        Assert.Empty(afterRestart);
        Assert.Equal(2, recovered.Count);
        Assert.Contains(recovered, n => n.Contains("accepts our requests again"));
        Assert.Contains(recovered, n => n.Contains("recovered after failing"));
    }
}
