using BorderAlerts.Core.Storage;
using BorderAlerts.Tests.Infrastructure;

namespace BorderAlerts.Tests.Fetching;

/// <summary>
/// Answers that break the HTTP stack itself or try to steer the fetcher somewhere else. Whatever the source does, the
/// poll ends as a failure on that feed's health record: nothing escapes the pipeline, and nothing is fetched from
/// where the source points unless it is http(s).
/// </summary>
public sealed class HostileResponseTests(FeedServer server) : IClassFixture<FeedServer>
{
    static readonly byte[] Kyodo = FixtureFiles.Read("outlets/kyodo_zh-hans_news.rss.xml");

    public static TheoryData<string> Breakers => new()
    {
        "Content-Encoding: gzip on an uncompressed body",
        "Content-Encoding: br on an uncompressed body",
        "redirect to ftp://",
        "redirect to file:///etc/passwd",
    };

    Uri Breaker(string what) => server.Serve(what switch
    {
        "Content-Encoding: gzip on an uncompressed body" => Responses.FalseContentEncoding("gzip", Kyodo),
        "Content-Encoding: br on an uncompressed body" => Responses.FalseContentEncoding("br", Kyodo),
        "redirect to ftp://" => Responses.Redirect("ftp://ftp.kyodonews.net/rss/news.xml", 301),
        "redirect to file:///etc/passwd" => Responses.Redirect("file:///etc/passwd"),
        _ => throw new ArgumentOutOfRangeException(nameof(what), what),
    });

    [Theory, MemberData(nameof(Breakers))]
    public async Task A_response_the_HTTP_stack_cannot_read_is_a_failure_recorded_on_the_feed(string what)
    {
        using var folder = new TempFolder();
        await using var pipeline = await Pipeline.StartAsync(folder);

        var report = await pipeline.PollOneAsync(Feeds.Rss("hostile", Breaker(what), "zh-Hans"));

        Assert.True(report.Status == PollStatus.Failed, what);
        var health = await pipeline.HealthAsync("hostile");
        Assert.Equal(1, health.ConsecutiveFailures);
        Assert.False(string.IsNullOrWhiteSpace(health.LastError));
        Assert.True(health.Enabled);
    }

    [Theory]
    [InlineData("general entity")]
    [InlineData("parameter entity")]
    public async Task An_external_entity_in_a_feed_is_never_fetched(string kind)
    {
        using var folder = new TempFolder();
        await using var pipeline = await Pipeline.StartAsync(folder);
        var probe = server.Serve(Responses.Text("<!ENTITY leaked \"secret\">", "application/xml-dtd"), "probe.dtd");
        var doctype = kind == "general entity"
            ? $"<!DOCTYPE rss [<!ENTITY leak SYSTEM \"{probe}\">]>"
            : $"<!DOCTYPE rss [<!ENTITY % leak SYSTEM \"{probe}\"> %leak;]>";
        var title = kind == "general entity" ? "&leak;" : "丹东口岸恢复通关";
        var url = server.Serve(Responses.Text($"""<?xml version="1.0"?>{doctype}<rss version="2.0"><channel><title>x</title><item><title>{title}</title></item></channel></rss>"""));

        await pipeline.PollOneAsync(Feeds.Rss("xxe", url, "zh-Hans"));

        Assert.Equal(0, server.RequestCount(probe));
        Assert.Equal(0, await pipeline.Database.CountAsync("items", "title LIKE '%secret%'"));
    }

    [Fact]
    public async Task A_Retry_After_of_a_year_is_honoured_only_up_to_a_day_so_the_feed_is_never_given_up()
    {
        using var folder = new TempFolder();
        await using var pipeline = await Pipeline.StartAsync(folder);

        await pipeline.PollOneAsync(Feeds.Rss("state-press-releases", server.Serve(Responses.Status(503, "31536000")), "en"));

        var health = await pipeline.HealthAsync("state-press-releases");
        var wait = health.NextPollAt - health.LastAttemptAt!.Value;
        Assert.InRange(wait, TimeSpan.FromHours(23), TimeSpan.FromDays(1));
    }

    [Fact]
    public async Task Backoff_after_many_failures_stays_under_the_configured_cap()
    {
        using var folder = new TempFolder();
        await using var pipeline = await Pipeline.StartAsync(folder, ("Polling:MaxBackoffHours", "1"));
        var feed = Feeds.Rss("kyodo-zh-hant", server.Serve(Responses.Status(500)), "zh-Hant");

        for (int i = 0; i < 8; i++) await pipeline.PollOneAsync(feed);

        var health = await pipeline.HealthAsync("kyodo-zh-hant");
        Assert.Equal(8, health.ConsecutiveFailures);
        Assert.InRange(health.NextPollAt - health.LastAttemptAt!.Value, TimeSpan.FromMinutes(10), TimeSpan.FromHours(1));
        Assert.True(health.Enabled);
    }
}
