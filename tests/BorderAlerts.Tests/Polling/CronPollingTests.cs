using BorderAlerts.Core.Feeds;
using BorderAlerts.Jobs;
using BorderAlerts.Tests.Infrastructure;

namespace BorderAlerts.Tests.Polling;

/// <summary>
/// A feed with a Quartz cron schedule: its first poll happens at once (it seeds), then it is due at its next fire time,
/// not after an interval; a failure is retried no later than that fire time.
/// </summary>
public sealed class CronPollingTests(FeedServer server) : IClassFixture<FeedServer>
{
    static FeedDefinition WithCron(FeedDefinition feed, string expression)
    {
        Assert.True(new QuartzCronParser().TryParse(expression, feed.TimeZone, out var schedule, out var problem), problem);
        return feed with { Cron = schedule };
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task A_new_cron_feed_is_polled_at_once_then_due_at_its_next_fire_time(Store store)
    {
        using var folder = new TempFolder(store);
        await using var pipeline = await Pipeline.StartAsync(folder);
        var url = server.Serve(Responses.Fixture("outlets/kyodo_zh-hans_news.rss.xml"));
        var feed = WithCron(Feeds.Rss("kcna-watch", url, "zh-Hans", "Asia/Pyongyang"), "0 5 7,19 ? * *");
        pipeline.Catalog.Upsert([feed]);

        var first = await pipeline.Runner.RunDueAsync(CancellationToken.None);
        var nothingDue = await pipeline.Runner.RunDueAsync(CancellationToken.None);

        Assert.Equal(["kcna-watch"], first.Reports.Select(r => r.FeedId));
        Assert.Equal(0, nothingDue.Feeds);
        var health = await pipeline.HealthAsync("kcna-watch");
        Assert.Equal(feed.Cron!.NextAfter(health.LastAttemptAt!.Value), health.NextPollAt);
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task A_failing_cron_feed_is_retried_at_its_next_fire_time_when_that_comes_before_the_backoff(Store store)
    {
        using var folder = new TempFolder(store);
        await using var pipeline = await Pipeline.StartAsync(folder);
        var feed = WithCron(Feeds.Rss("kcna-watch", server.Serve(Responses.Status(500)), "zh-Hans", "America/New_York"), "0 * * ? * *");

        await pipeline.PollOneAsync(feed);

        var health = await pipeline.HealthAsync("kcna-watch");
        Assert.Equal(1, health.ConsecutiveFailures);
        Assert.Equal(feed.Cron!.NextAfter(health.LastAttemptAt!.Value), health.NextPollAt); // each minute, not the 10-minute backoff
    }
}
