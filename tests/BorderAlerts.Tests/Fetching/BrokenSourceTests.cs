using BorderAlerts.Core.Storage;
using BorderAlerts.Tests.Infrastructure;

namespace BorderAlerts.Tests.Fetching;

/// <summary>
/// Sources that answer with something other than a usable feed. Each poll fails with a named reason that ends on the
/// feed's health record; the feed is never disabled, is tried again, and recovers as soon as the source does.
/// The body cap is 1 MB; the fetch timeout is 1 s for the slow sources (and the default elsewhere, so a busy test
/// machine never turns a capped body into a timeout).
/// </summary>
public sealed class BrokenSourceTests(FeedServer server) : IClassFixture<FeedServer>
{
    static (string, string)[] Limits(string what) => what.Contains("timeout")
        ? [("Fetch:TimeoutSeconds", "1"), ("Fetch:MaxBodyMegabytes", "1")]
        : [("Fetch:MaxBodyMegabytes", "1")];

    public static TheoryData<string, string> Cases => new()
    {
        // what the source does, how the recorded error starts
        { "malformed XML", "Parse: malformed XML at line" },
        { "Cloudflare challenge page instead of the feed", "Parse: expected RSS, Atom or JSON Feed but the body is an HTML page" },
        { "single-page-app shell instead of the feed", "Parse: expected RSS, Atom or JSON Feed but the body is an HTML page" },
        { "empty body", "Parse: empty body" },
        { "entity-expansion bomb", "Parse: malformed XML at line 16" },
        { "endless body", "TooLarge: body larger than the 1 MB cap" },
        { "Content-Length of 10 GB", "TooLarge: body larger than the 1 MB cap (declared" },
        { "gzip bomb", "TooLarge: body larger than the 1 MB cap" },
        { "no headers before the timeout", "Timeout: " },
        { "body trickling past the timeout", "Timeout: " },
        { "redirect loop", "TooManyRedirects: " },
        { "connection dropped mid-body", "Network: " },
    };

    /// <summary>A fresh address that behaves as <paramref name="what"/> says.</summary>
    Uri Source(string what)
    {
        if (what == "redirect loop")
        {
            string a = server.NewPath("a"), b = server.NewPath("b");
            server.Routes[a] = Responses.Redirect(b);
            server.Routes[b] = Responses.Redirect(a);
            return server.Url(a);
        }
        return server.Serve(what switch
        {
            "malformed XML" => Responses.Fixture("broken/malformed.rss.xml"),
            "Cloudflare challenge page instead of the feed" => Responses.Fixture("broken/cloudflare-challenge.html", Responses.Html),
            "single-page-app shell instead of the feed" => Responses.Fixture("broken/site-homepage.html", Responses.Html),
            "empty body" => server.Routes[FeedServer.Empty],
            "entity-expansion bomb" => Responses.Fixture("broken/entity-bomb.rss.xml"),
            "endless body" => server.Routes[FeedServer.Endless],
            "Content-Length of 10 GB" => server.Routes[FeedServer.DeclaredHuge],
            "gzip bomb" => server.Routes[FeedServer.GzipBomb],
            "no headers before the timeout" => server.Routes[FeedServer.Slow],
            "body trickling past the timeout" => server.Routes[FeedServer.Trickle],
            "connection dropped mid-body" => server.Routes[FeedServer.Truncated],
            _ => throw new ArgumentOutOfRangeException(nameof(what), what),
        });
    }

    [Theory, MemberData(nameof(Cases))]
    public async Task A_broken_source_fails_with_a_named_reason_recorded_on_its_health(string what, string error)
    {
        using var folder = new TempFolder();
        await using var pipeline = await Pipeline.StartAsync(folder, Limits(what));
        var feed = Feeds.Rss("broken", Source(what), "zh-Hans");

        var report = await pipeline.PollOneAsync(feed);

        Assert.Equal(PollStatus.Failed, report.Status);
        Assert.StartsWith(error, report.Error);
        var health = await pipeline.HealthAsync("broken");
        Assert.Equal(1, health.ConsecutiveFailures);
        Assert.Equal(report.Error, health.LastError);
        Assert.True(health.Enabled);
        Assert.Null(health.LastSuccessAt);
        Assert.True(health.NextPollAt > health.LastAttemptAt);
        Assert.Equal(0, await pipeline.Database.CountAsync("items"));
    }

    [Theory, MemberData(nameof(Cases))]
    public async Task A_source_that_keeps_failing_is_retried_never_disabled_and_recovers_when_fixed(string what, string error)
    {
        using var folder = new TempFolder();
        await using var pipeline = await Pipeline.StartAsync(folder, Limits(what));
        var url = Source(what);
        var feed = Feeds.Rss("broken", url, "zh-Hans", "Asia/Tokyo");

        for (int poll = 1; poll <= 3; poll++)
        {
            var report = await pipeline.PollOneAsync(feed);
            Assert.StartsWith(error, report.Error);
            var health = await pipeline.HealthAsync("broken");
            Assert.Equal(poll, health.ConsecutiveFailures);
            Assert.True(health.Enabled);
        }

        server.Answer(url, Responses.Fixture("outlets/kyodo_zh-hans_news.rss.xml"));
        var recovered = await pipeline.PollOneAsync(feed);

        Assert.Equal(PollStatus.Fetched, recovered.Status);
        Assert.Equal(6, recovered.NewItems);
        var after = await pipeline.HealthAsync("broken");
        Assert.Equal(0, after.ConsecutiveFailures);
        Assert.NotNull(after.LastSuccessAt);
    }
}
