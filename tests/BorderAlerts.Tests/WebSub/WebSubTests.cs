using System.Net;
using System.Text;
using BorderAlerts.Core.WebSub;
using BorderAlerts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlerts.Tests.WebSub;

/// <summary>
/// WebSub end to end against a hub on loopback: a feed naming a hub is subscribed (verification of intent answered),
/// a signed push becomes a card within seconds through the poll pipeline, the subscription is renewed before its lease
/// ends and ended when the feed is removed; pushed feeds are polled at the safety interval. Forged, unknown, oversized
/// and unreadable pushes and unasked verifications are refused or dropped, and nothing is stored.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class WebSubTests(FeedServer feeds, FakeHub hub, FakeDiscord discord) : IClassFixture<FeedServer>,
    IClassFixture<FakeHub>, IClassFixture<FakeDiscord>
{
    const string Seeded = "丹东口岸恢复通关";
    const string Smuggling = "丹东海关查获走私煤炭";

    /// <summary>An RSS feed naming <paramref name="hubUrl"/> and itself (atom:link), with one item per title.</summary>
    internal static byte[] Rss(string self, Uri hubUrl, params string[] titles) => FakeHub.Utf8($"""
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>
        <title>Border news</title><link>https://example.org/</link><description>d</description>
        <atom:link rel="hub" href="{hubUrl}"/><atom:link rel="self" href="{self}" type="application/rss+xml"/>
        {string.Concat(titles.Select(t => $"<item><title>{t}</title><link>https://example.org/{Uri.EscapeDataString(t)}</link><description>{t}</description></item>"))}
        </channel></rss>
        """);

    sealed record Setup(ChatHost Host, Uri Feed, string Webhook) : IAsyncDisposable
    {
        public WebSubSubscriber Subscriber => Host.Services.GetRequiredService<WebSubSubscriber>();
        public StoreProbe Store => StoreProbe.For(Host.Services);
        public ValueTask DisposeAsync() => Host.DisposeAsync();
    }

    async Task<Setup> StartAsync(Store store, string webhook, params (string, string)[] settings)
    {
        var feed = feeds.Serve(_ => Task.CompletedTask);
        feeds.Answer(feed, Responses.Bytes(Rss(feed.ToString(), hub.Url, Seeded), Responses.Rss));
        var session = new CliSession(store);
        session.WriteFeeds($"feeds:\n  - id: border\n    url: {feed}\n    language: zh-Hans\n");
        File.WriteAllText(session.Folder.RulesYaml, "rules:\n  - id: border-smuggling\n    name: Smuggling\n    query: 丹东 AND 走私\n    to: [main]\n");
        var address = ChatHost.FreeAddress();
        var host = await ChatHost.StartAtAsync(session, address, [("PublicUrl", address), ("Fetch__AllowPrivateAddresses", "true"), ("Destinations__main__Type", "discord-webhook"),
            ("Destinations__main__Url", discord.WebhookUrl(webhook).ToString()), ("Delivery__TickSeconds", "1"), .. settings]);
        return new Setup(host, feed, webhook);
    }

    /// <summary>Polls (seeding the feed and finding its hub), then lets the subscriber act until the hub has verified it.</summary>
    async Task<HubForm> SubscribedAsync(Setup setup)
    {
        await setup.Host.PollAllAsync();
        await setup.Subscriber.MaintainAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => Task.FromResult(hub.Subscribers.Values.Any(s => s.Topic == setup.Feed.ToString())), "the hub verified the subscription");
        return hub.Subscribers.Values.Single(s => s.Topic == setup.Feed.ToString());
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task A_feed_naming_a_hub_is_subscribed_and_a_signed_push_becomes_a_card_within_seconds(Store store)
    {
        await using var setup = await StartAsync(store, "ws-card-" + (int)store);
        var subscription = await SubscribedAsync(setup);

        var statuses = await hub.PublishAsync(setup.Feed.ToString(), Rss(setup.Feed.ToString(), hub.Url, Smuggling, Seeded));
        var cards = await discord.WaitForMessagesAsync(1, TimeSpan.FromSeconds(20), m => m.WebhookId == setup.Webhook);

        Assert.StartsWith(setup.Host.BaseAddress.ToString().TrimEnd('/') + "/websub/", subscription.Callback);
        Assert.True(subscription.Callback.Length - subscription.Callback.LastIndexOf('/') > 40, "the callback's last segment is unguessable");
        Assert.Equal("604800", subscription.LeaseSeconds); // a week, as settings default
        Assert.True(subscription.Secret!.Length >= 40);
        Assert.Equal([200], statuses);
        Assert.Contains(Smuggling, System.Text.RegularExpressions.Regex.Unescape(cards.Single().Json.GetRawText()));
        Assert.Equal(1, await setup.Store.CountAsync("alerts"));
        Assert.Equal(1, await setup.Store.CountAsync("websub_subscriptions", "state = 'active'"));
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task A_push_with_a_missing_or_wrong_signature_is_acknowledged_and_dropped(Store store)
    {
        await using var setup = await StartAsync(store, "ws-forged-" + (int)store);
        await SubscribedAsync(setup);
        var body = Rss(setup.Feed.ToString(), hub.Url, Smuggling);

        var missing = await hub.PublishAsync(setup.Feed.ToString(), body, signature: _ => null);
        var wrong = await hub.PublishAsync(setup.Feed.ToString(), body, signature: _ => HubSignature.Sign(body, "not-the-secret"));
        var tampered = await hub.PublishAsync(setup.Feed.ToString(), body, signature: s => HubSignature.Sign(FakeHub.Utf8("other"), s.Secret!));
        var unknownMethod = await hub.PublishAsync(setup.Feed.ToString(), body, signature: s => "md5=00ff");

        Assert.Equal([202, 202, 202, 202], [.. missing, .. wrong, .. tampered, .. unknownMethod]);
        Assert.Equal(1, await setup.Store.CountAsync("items")); // the seeded one only
        Assert.Equal(0, await setup.Store.CountAsync("alerts"));
    }

    [Fact]
    public async Task A_push_that_finds_a_poll_holding_its_feed_is_answered_at_once_and_stored_when_the_claim_ends()
    {
        await using var setup = await StartAsync(Store.Sqlite, "ws-busy");
        await SubscribedAsync(setup);
        var store = setup.Host.Services.GetRequiredService<BorderAlerts.Core.Storage.IPollStore>();
        var held = await store.ClaimAsync(new BorderAlerts.Core.Storage.ClaimRequest(DateTimeOffset.UtcNow, TimeSpan.FromSeconds(12), 1, ["border"]), CancellationToken.None);

        var statuses = await hub.PublishAsync(setup.Feed.ToString(), Rss(setup.Feed.ToString(), hub.Url, Smuggling, Seeded));
        var alertsWhileHeld = await setup.Store.CountAsync("alerts");
        var cards = await discord.WaitForMessagesAsync(1, TimeSpan.FromSeconds(40), m => m.WebhookId == setup.Webhook);

        Assert.Single(held); // a poller's claim, 12 s long (longer than a hub waits for an answer)
        Assert.Equal([202], statuses);
        Assert.Equal(0, alertsWhileHeld);
        Assert.Contains(Smuggling, System.Text.RegularExpressions.Regex.Unescape(cards.Single().Json.GetRawText()));
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task A_pushed_feed_is_polled_at_the_safety_interval(Store store)
    {
        await using var setup = await StartAsync(store, "ws-safety-" + (int)store, ("WebSub__SafetyMinutes", "90"));
        await SubscribedAsync(setup);

        var report = (await setup.Host.PollAllAsync()).Reports.Single();

        Assert.InRange(report.NextPollAt - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(89), TimeSpan.FromMinutes(91));
    }

    [Fact]
    public async Task A_subscription_is_renewed_before_its_lease_ends_and_ended_when_its_feed_is_removed()
    {
        await using var setup = await StartAsync(Store.Sqlite, "ws-renew");
        hub.LeaseSeconds = "1"; // renewal falls due after 0.8 s
        try
        {
            var first = await SubscribedAsync(setup);
            await Task.Delay(TimeSpan.FromSeconds(1));
            await setup.Subscriber.MaintainAsync(CancellationToken.None);
            await Eventually.TrueAsync(() => Task.FromResult(hub.Checks.Count(c => c.Callback == first.Callback && c.Echoed) >= 2),
                "the renewal was verified: " + string.Join("; ", hub.Checks) + " / " + string.Join("; ", hub.Forms));

            setup.Host.Session.WriteFeeds("feeds: []\n");
            await Eventually.TrueAsync(async () =>
            {
                await setup.Subscriber.MaintainAsync(CancellationToken.None);
                return hub.Forms.Any(f => f.Mode == "unsubscribe" && f.Callback == first.Callback);
            }, "the feed's removal was seen and its subscription ended");
            await Eventually.TrueAsync(async () => await setup.Store.CountAsync("websub_subscriptions") == 0, "the unsubscription was verified");

            var renewals = hub.Forms.Where(f => f.Callback == first.Callback && f.Mode == "subscribe").ToList();
            Assert.True(renewals.Count >= 2, "renewed (again each 0.8 s of a 1 s lease while the test waited)");
            Assert.All(renewals, r => Assert.Equal(first.Secret, r.Secret)); // the same subscription, renewed
            Assert.DoesNotContain(first.Callback, hub.Subscribers.Keys);
            using var late = new HttpClient();
            var gone = await late.PostAsync(first.Callback, new ByteArrayContent(Rss(setup.Feed.ToString(), hub.Url, Smuggling)));
            Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        }
        finally { hub.LeaseSeconds = null; }
    }
}
