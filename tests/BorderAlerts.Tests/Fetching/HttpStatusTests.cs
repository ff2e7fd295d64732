using BorderAlerts.Core.Storage;
using BorderAlerts.Tests.Infrastructure;

namespace BorderAlerts.Tests.Fetching;

/// <summary>Error statuses: each is a failure named by kind and status on the feed's health, never a disable.</summary>
public sealed class HttpStatusTests(FeedServer server) : IClassFixture<FeedServer>
{
    [Theory]
    [InlineData(404, "NotFound: HTTP 404")]
    [InlineData(410, "Gone: HTTP 410")]
    [InlineData(429, "RateLimited: HTTP 429")]
    [InlineData(500, "ServerError: HTTP 500")]
    [InlineData(503, "RateLimited: HTTP 503")]
    [InlineData(403, "Blocked: HTTP 403")]
    [InlineData(502, "ServerError: HTTP 502")]
    public async Task An_error_status_is_recorded_with_its_kind_and_code_and_the_feed_stays_enabled(int status, string error)
    {
        using var folder = new TempFolder();
        await using var pipeline = await Pipeline.StartAsync(folder);
        var url = server.Serve(Responses.Status(status));
        var feed = Feeds.Rss("state-press-releases", url, "en");

        var first = await pipeline.PollOneAsync(feed);
        var second = await pipeline.PollOneAsync(feed);

        Assert.Equal(PollStatus.Failed, first.Status);
        Assert.StartsWith(error, first.Error);
        Assert.StartsWith(error, second.Error);
        var health = await pipeline.HealthAsync("state-press-releases");
        Assert.Equal(2, health.ConsecutiveFailures);
        Assert.Equal(status, health.LastStatus);
        Assert.StartsWith(error, health.LastError);
        Assert.True(health.Enabled);
        Assert.Equal(2, server.RequestCount(url));
    }

    public static TheoryData<int, string, int> RetryAfters => new()
    {
        // status, Retry-After header, seconds the next poll must be at least away
        { 429, "7200", 7200 },
        { 503, "3600", 3600 },
        { 429, "in 3 hours", 3 * 3600 - 60 },
    };

    [Theory, MemberData(nameof(RetryAfters))]
    public async Task Retry_After_on_429_and_503_pushes_the_next_poll_at_least_that_far_out(int status, string retryAfter, int seconds)
    {
        using var folder = new TempFolder();
        await using var pipeline = await Pipeline.StartAsync(folder);
        var header = retryAfter == "in 3 hours" ? DateTimeOffset.UtcNow.AddHours(3).ToString("R") : retryAfter;
        var url = server.Serve(Responses.Status(status, header));

        var report = await pipeline.PollOneAsync(Feeds.Rss("kyodo-zh-hans", url, "zh-Hans"));

        // The feed polls every 10 minutes and backoff after one failure stays under 13, so only Retry-After explains this.
        var health = await pipeline.HealthAsync("kyodo-zh-hans");
        Assert.Equal(PollStatus.Failed, report.Status);
        Assert.True(health.NextPollAt >= health.LastAttemptAt!.Value.AddSeconds(seconds),
            $"next poll {health.NextPollAt:O} is sooner than {seconds} s after {health.LastAttemptAt:O}");
        Assert.Equal(report.NextPollAt.ToUnixTimeMilliseconds(), health.NextPollAt.ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task A_rate_limited_feed_is_not_polled_again_by_a_due_pass_before_Retry_After()
    {
        using var folder = new TempFolder();
        await using var pipeline = await Pipeline.StartAsync(folder);
        var url = server.Serve(Responses.Status(429, "3600"));
        await pipeline.PollOneAsync(Feeds.Rss("cankaoxiaoxi", url, "zh-Hans"));

        var due = await pipeline.Runner.RunDueAsync(CancellationToken.None);

        Assert.Equal(0, due.Feeds);
        Assert.Equal(1, server.RequestCount(url));
    }
}
