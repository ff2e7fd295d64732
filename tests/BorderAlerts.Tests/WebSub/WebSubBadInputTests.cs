using System.Net;
using BorderAlerts.Core.WebSub;
using BorderAlerts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlerts.Tests.WebSub;

/// <summary>
/// What no hub of ours asked for gets nothing: a hub that refuses or verifies another topic, a callback probed by anyone,
/// a push over the size cap or not a feed. Each is refused or dropped with a log line, nothing is stored, and polling
/// carries on at its own interval.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class WebSubBadInputTests(FeedServer feeds, FakeHub hub) : IClassFixture<FeedServer>, IClassFixture<FakeHub>
{
    const string Seeded = "丹东口岸恢复通关";

    sealed record Setup(ChatHost Host, Uri Feed, LogCapture Log) : IAsyncDisposable
    {
        public WebSubSubscriber Subscriber => Host.Services.GetRequiredService<WebSubSubscriber>();
        public StoreProbe Store => StoreProbe.For(Host.Services);
        public Uri Callback(string id) => new(Host.BaseAddress, "/websub/" + id);
        public ValueTask DisposeAsync() => Host.DisposeAsync();
    }

    /// <param name="settings">Extra settings; the hub, on loopback, is reached only as Fetch:AllowPrivateAddresses allows.</param>
    Task<Setup> StartAsync(params (string, string)[] settings) => StartGuardedAsync([("Fetch__AllowPrivateAddresses", "true"), .. settings]);

    async Task<Setup> StartGuardedAsync(params (string, string)[] settings)
    {
        var feed = feeds.Serve(_ => Task.CompletedTask);
        feeds.Answer(feed, Responses.Bytes(WebSubTests.Rss(feed.ToString(), hub.Url, Seeded), Responses.Rss));
        var session = new CliSession(Store.Sqlite);
        session.WriteFeeds($"feeds:\n  - id: border\n    url: {feed}\n    language: zh-Hans\n    every: 10m\n");
        var address = ChatHost.FreeAddress();
        var host = await ChatHost.StartAtAsync(session, address, [("PublicUrl", address), .. settings]);
        var log = new LogCapture();
        host.Services.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>().AddProvider(log);
        return new Setup(host, feed, log);
    }

    async Task<string> CallbackIdAsync(Setup setup) =>
        (await setup.Store.TextsAsync("SELECT callback_id FROM websub_subscriptions")).Single();

    [Fact]
    public async Task A_hub_that_refuses_is_logged_and_asked_again_later_while_polling_goes_on()
    {
        await using var setup = await StartAsync();
        hub.RefuseWith = 503;
        try
        {
            await setup.Host.PollAllAsync();
            await setup.Subscriber.MaintainAsync(CancellationToken.None);
            var again = await setup.Subscriber.MaintainAsync(CancellationToken.None); // nothing due before the retry time
            var report = (await setup.Host.PollAllAsync()).Reports.Single();

            Assert.Equal(0, again);
            Assert.Equal(1, await setup.Store.CountAsync("websub_subscriptions", "state = 'subscribe' AND attempts = 1 AND last_error LIKE 'the hub answered HTTP 503%'"));
            Assert.Contains(setup.Log.Lines, l => l.Contains($"subscribing border at hub {hub.Url} failed: the hub answered HTTP 503 hub says no; polling goes on"));
            Assert.InRange(report.NextPollAt - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(12)); // its own every: 10m
        }
        finally { hub.RefuseWith = 0; }
    }

    [Fact]
    public async Task A_hub_at_a_private_address_is_not_contacted_whoever_listed_the_feed()
    {
        await using var setup = await StartGuardedAsync(); // the feed is the operator's (feeds.yaml); its hub comes from its content
        await setup.Host.PollAllAsync();
        await setup.Subscriber.MaintainAsync(CancellationToken.None);

        Assert.DoesNotContain(hub.Forms, f => f.Topic == setup.Feed.ToString());
        Assert.Equal(1, await setup.Store.CountAsync("websub_subscriptions", "state = 'subscribe' AND attempts = 1 AND last_error LIKE 'not sent: %127.0.0.1%loopback%AllowPrivateAddresses%'"));
    }

    [Fact]
    public async Task A_verification_of_a_topic_we_did_not_ask_for_is_refused_and_nothing_is_subscribed()
    {
        await using var setup = await StartAsync();
        hub.WrongTopic = "https://elsewhere.example/feed";
        try
        {
            await setup.Host.PollAllAsync();
            await setup.Subscriber.MaintainAsync(CancellationToken.None);
            await Eventually.TrueAsync(() => Task.FromResult(hub.Checks.Any(c => c.Callback.StartsWith(setup.Host.BaseAddress.ToString()))), "the hub tried to verify");

            var check = hub.Checks.Single(c => c.Callback.StartsWith(setup.Host.BaseAddress.ToString()));
            Assert.Equal((404, false), (check.Status, check.Echoed));
            Assert.Equal(1, await setup.Store.CountAsync("websub_subscriptions", "state = 'pending' AND expires_at IS NULL"));
            Assert.Contains(setup.Log.Lines, l => l.Contains("hub verified topic https://elsewhere.example/feed for border") && l.Contains("refused"));
        }
        finally { hub.WrongTopic = null; }
    }

    [Fact]
    public async Task A_hub_that_denies_the_subscription_is_asked_again_a_day_later()
    {
        await using var setup = await StartAsync();
        hub.NeverVerify = true;
        try
        {
            await setup.Host.PollAllAsync();
            await setup.Subscriber.MaintainAsync(CancellationToken.None);
            var id = await CallbackIdAsync(setup);
            using var http = new HttpClient();
            var topic = Uri.EscapeDataString(setup.Feed.ToString());

            var denied = await http.GetAsync(setup.Callback(id) + $"?hub.mode=denied&hub.topic={topic}&hub.reason=not%20on%20our%20list");
            var due = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse((await setup.Store.TextsAsync("SELECT due_at FROM websub_subscriptions")).Single()));

            Assert.Equal(HttpStatusCode.OK, denied.StatusCode);
            Assert.Equal(1, await setup.Store.CountAsync("websub_subscriptions", "state = 'denied' AND last_error = 'denied: not on our list'"));
            Assert.InRange(due - DateTimeOffset.UtcNow, TimeSpan.FromHours(23.9), TimeSpan.FromHours(24));
            Assert.Contains(setup.Log.Lines, l => l.Contains($"hub {hub.Url} denied border: not on our list; polling goes on"));
        }
        finally { hub.NeverVerify = false; }
    }

    [Fact]
    public async Task A_probed_callback_answers_nothing_and_stores_nothing()
    {
        await using var setup = await StartAsync(("Fetch__MaxBodyMegabytes", "1"));
        await setup.Host.PollAllAsync();
        await setup.Subscriber.MaintainAsync(CancellationToken.None);
        await Eventually.TrueAsync(async () => await setup.Store.CountAsync("websub_subscriptions", "state = 'active'") == 1, "subscribed");
        var id = await CallbackIdAsync(setup);
        var secret = hub.Subscribers.Values.Single(s => s.Callback.EndsWith(id)).Secret!;
        using var http = new HttpClient();
        async Task<HttpStatusCode> PostAsync(string callback, byte[] body, string? signature)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, setup.Callback(callback)) { Content = new ByteArrayContent(body) };
            if (signature is not null) request.Headers.Add(HubSignature.Header, signature);
            request.Headers.ExpectContinue = true; // the refusal of a body over the cap comes before it is sent, not into a closed connection
            using var response = await http.SendAsync(request);
            return response.StatusCode;
        }
        var notAFeed = FakeHub.Utf8("<html><body>hello</body></html>");
        var huge = new byte[1024 * 1024 + 10];

        var probe = await http.GetAsync(setup.Callback("guessed") + "?hub.mode=subscribe&hub.topic=x&hub.challenge=abc");
        var repeated = await http.GetAsync(setup.Callback(id) + $"?hub.mode=subscribe&hub.topic={Uri.EscapeDataString(setup.Feed.ToString())}&hub.challenge=again&hub.lease_seconds=86400");
        var otherTopic = await http.GetAsync(setup.Callback(id) + "?hub.mode=subscribe&hub.topic=https%3A%2F%2Fevil.example%2F&hub.challenge=abc&hub.lease_seconds=60");
        var unaskedLeave = await http.GetAsync(setup.Callback(id) + $"?hub.mode=unsubscribe&hub.topic={Uri.EscapeDataString(setup.Feed.ToString())}&hub.challenge=abc");
        var unknownPush = await PostAsync("guessed", notAFeed, HubSignature.Sign(notAFeed, secret));
        var tooLarge = await PostAsync(id, huge, HubSignature.Sign(huge, secret));
        var unreadable = await PostAsync(id, notAFeed, HubSignature.Sign(notAFeed, secret));

        Assert.Equal(HttpStatusCode.NotFound, probe.StatusCode);
        Assert.Equal("again", await repeated.Content.ReadAsStringAsync()); // a hub repeating our subscription's verification
        Assert.Equal(HttpStatusCode.NotFound, otherTopic.StatusCode);
        Assert.DoesNotContain("abc", await otherTopic.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, unaskedLeave.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, unknownPush);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge);
        Assert.Equal(HttpStatusCode.Accepted, unreadable);
        Assert.Equal(1, await setup.Store.CountAsync("items"));
        Assert.Equal(1, await setup.Store.CountAsync("websub_subscriptions", "state = 'active'")); // still in force
        Assert.Contains(setup.Log.Lines, l => l.Contains("a signed push for border was dropped: not a feed"));
        Assert.Contains(setup.Log.Lines, l => l.Contains("a push for border over the 1,048,576-byte cap was refused"));
        Assert.DoesNotContain(setup.Log.Lines, l => l.Contains(secret) || l.Contains(id));
    }
}
