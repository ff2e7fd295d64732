using BorderAlerts.Core.Feeds;
using BorderAlerts.Core.Parsing;
using BorderAlerts.Core.Storage;
using BorderAlerts.Core.WebSub;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace BorderAlerts.Core.Tests.WebSub;

/// <summary>
/// The subscriber's steps over time (a fake clock): a hub that never verifies is asked again after the window, a refusal
/// is retried later and later, a denial a day later; a paused feed or a changed hub ends the old subscription; nothing
/// is subscribed without a public address.
/// </summary>
public class WebSubSubscriberTests
{
    static readonly Uri Hub = new("https://hub.example/"), Topic = new("https://news.example/feed.xml");
    static readonly WebSubOptions Options = new(new Uri("https://alerts.example/websub/"), TimeSpan.FromDays(7), TimeSpan.FromHours(1),
        TimeSpan.FromMinutes(10), 1 << 20);

    readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
    readonly MemoryStore _store = new();
    readonly RecordingHub _hub = new();
    readonly Catalog _catalog = new();

    WebSubSubscriber Subscriber(WebSubOptions? options = null) =>
        new(_store, _hub, _catalog, options ?? Options, _clock, NullLogger<WebSubSubscriber>.Instance);

    static FeedDefinition Feed(bool enabled = true) => new() { Id = "border", Name = "Border", Url = Topic, Enabled = enabled };

    async Task<WebSubSubscriber> OfferedAsync(PushLinks? links = null)
    {
        var subscriber = Subscriber();
        _catalog.Feeds = [Feed()];
        await subscriber.OfferAsync(Feed(), links ?? new PushLinks(Hub, Topic), CancellationToken.None);
        return subscriber;
    }

    [Fact]
    public async Task A_hub_that_never_verifies_is_asked_again_after_the_window_then_later_and_later()
    {
        var subscriber = await OfferedAsync();
        await subscriber.MaintainAsync(CancellationToken.None); // sent; the hub never verifies
        var sentAt = new List<TimeSpan>();
        var start = _clock.GetUtcNow();
        for (int minute = 0; minute < 60; minute++)
        {
            _clock.Advance(TimeSpan.FromMinutes(1));
            var before = _hub.Sent.Count;
            await subscriber.MaintainAsync(CancellationToken.None);
            if (_hub.Sent.Count > before) sentAt.Add(_clock.GetUtcNow() - start);
        }

        // Each wait: the 10-minute window, then 2, 4, 8… minutes before asking again.
        Assert.Equal([TimeSpan.FromMinutes(12), TimeSpan.FromMinutes(26), TimeSpan.FromMinutes(44)], sentAt);
        Assert.All(_hub.Sent, r => Assert.Equal(_hub.Sent[0].Secret, r.Secret));
        Assert.Equal((SubscriptionState.Subscribe, 4), (_store.Rows.Single().State, _store.Rows.Single().Attempts)); // the 4th wait (16 min) runs from 54 min
        Assert.StartsWith("the hub did not verify within", _store.Rows.Single().LastError);
    }

    [Fact]
    public async Task A_refusing_hub_is_asked_again_later_each_time()
    {
        _hub.Refuse = true;
        var subscriber = await OfferedAsync();
        var waits = new List<TimeSpan>();
        for (int i = 0; i < 4; i++)
        {
            await subscriber.MaintainAsync(CancellationToken.None);
            waits.Add(_store.Rows.Single().DueAt - _clock.GetUtcNow());
            _clock.Advance(waits[^1]);
        }

        Assert.Equal([TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(8), TimeSpan.FromMinutes(16)], waits);
        Assert.Equal(4, _hub.Sent.Count);
        Assert.Equal((SubscriptionState.Subscribe, 4, "the hub answered HTTP 500 no"), (_store.Rows.Single().State, _store.Rows.Single().Attempts, _store.Rows.Single().LastError));
    }

    [Fact]
    public async Task A_paused_feeds_subscription_is_ended_and_one_never_verified_is_just_forgotten()
    {
        var subscriber = await OfferedAsync();
        await subscriber.MaintainAsync(CancellationToken.None);
        var row = _store.Rows.Single();
        await _store.UpdateAsync(row with { State = SubscriptionState.Active, ExpiresAt = _clock.GetUtcNow().AddDays(7), DueAt = _clock.GetUtcNow().AddDays(5) },
            SubscriptionState.Pending, CancellationToken.None);
        _catalog.Feeds = [Feed(enabled: false)];

        await subscriber.MaintainAsync(CancellationToken.None);

        Assert.Equal(["subscribe", "unsubscribe"], _hub.Sent.Select(r => r.Mode));
        Assert.Equal(SubscriptionState.Leaving, _store.Rows.Single().State);
        Assert.False(subscriber.Covers("border", _clock.GetUtcNow()));

        var other = await OfferedAsync(new PushLinks(new Uri("https://hub2.example/"), Topic));
        _catalog.Feeds = [];
        await other.MaintainAsync(CancellationToken.None); // never sent, never verified: nothing to tell the hub
        Assert.DoesNotContain(_store.Rows, r => r.Hub.Host == "hub2.example");
    }

    [Fact]
    public async Task A_feed_that_names_another_hub_ends_the_old_subscription_and_starts_a_new_one()
    {
        var subscriber = await OfferedAsync();
        await subscriber.MaintainAsync(CancellationToken.None);
        var newHub = new Uri("https://hub2.example/");

        await subscriber.OfferAsync(Feed(), new PushLinks(newHub, Topic), CancellationToken.None);
        await subscriber.MaintainAsync(CancellationToken.None);

        Assert.Equal([("subscribe", Hub), ("unsubscribe", Hub), ("subscribe", newHub)], _hub.Sent.Select(r => (r.Mode, r.Hub)));
        Assert.NotEqual(_hub.Sent[0].Callback, _hub.Sent[2].Callback);
    }

    [Fact]
    public async Task Without_a_public_address_nothing_is_subscribed_covered_or_undone()
    {
        var held = await OfferedAsync(); // the cluster's subscription, made by an instance with a public address
        await held.MaintainAsync(CancellationToken.None);
        var subscriber = Subscriber(Options with { CallbackBase = null });
        await subscriber.OfferAsync(Feed(), new PushLinks(new Uri("https://hub2.example/"), Topic), CancellationToken.None);
        var steps = await subscriber.MaintainAsync(CancellationToken.None);

        Assert.Equal(0, steps);
        Assert.Equal((Hub, SubscriptionState.Pending), (_store.Rows.Single().Hub, _store.Rows.Single().State));
        Assert.Single(_hub.Sent);
        Assert.False(subscriber.Covers("border", _clock.GetUtcNow()));
    }

    [Fact]
    public async Task A_feed_that_no_longer_names_a_hub_is_unsubscribed_and_polled_as_before()
    {
        var subscriber = await OfferedAsync();
        await subscriber.MaintainAsync(CancellationToken.None);
        var row = _store.Rows.Single();
        var active = row with { State = SubscriptionState.Active, ExpiresAt = _clock.GetUtcNow().AddDays(7), DueAt = _clock.GetUtcNow().AddDays(5) };
        await _store.UpdateAsync(active, SubscriptionState.Pending, CancellationToken.None);
        subscriber.Remember(active);
        var coveredBefore = subscriber.Covers("border", _clock.GetUtcNow());

        await subscriber.OfferAsync(Feed(), null, CancellationToken.None);
        await subscriber.MaintainAsync(CancellationToken.None);

        Assert.True(coveredBefore);
        Assert.False(subscriber.Covers("border", _clock.GetUtcNow()));
        Assert.Equal(["subscribe", "unsubscribe"], _hub.Sent.Select(r => r.Mode));
    }

    [Fact]
    public async Task The_topic_goes_to_the_hub_as_the_feed_wrote_it_and_the_hubs_words_never_carry_our_secret()
    {
        var topic = new Uri(new Uri("https://news.example/"), "https://News.Example:443/feed?q=border%20crossing&lang=zh");
        var request = new HubRequest("subscribe", Hub, topic, new Uri("https://alerts.example/websub/abcdefghijklmnop"), TimeSpan.FromDays(7), "the-secret");
        var form = await request.Form().ReadAsStringAsync();

        Assert.Contains("hub.topic=" + Uri.EscapeDataString("https://News.Example:443/feed?q=border%20crossing&lang=zh"), form);
        Assert.Equal("bad request: secret=[secret] callback=[callback] [callback]",
            request.Scrub("bad request: secret=the-secret callback=https://alerts.example/websub/abcdefghijklmnop abcdefghijklmnop"));
    }

    sealed class Catalog : IFeedCatalog
    {
        public IReadOnlyList<FeedDefinition> Feeds = [];
        public (IReadOnlyList<FeedDefinition> Feeds, int Version) Current() => (Feeds, 1);
    }

    sealed class RecordingHub : IHubClient
    {
        public readonly List<HubRequest> Sent = [];
        public bool Refuse;

        public Task<HubAnswer> SendAsync(HubRequest request, CancellationToken cancellationToken)
        {
            Sent.Add(request);
            return Task.FromResult(Refuse ? new HubAnswer(false, "the hub answered HTTP 500 no") : new HubAnswer(true, "HTTP 202"));
        }
    }

    /// <summary>The store's contract in memory: one live subscription per feed, conditional updates.</summary>
    sealed class MemoryStore : IWebSubStore
    {
        public readonly List<WebSubSubscription> Rows = [];

        public Task<bool> AddAsync(WebSubSubscription s, CancellationToken cancellationToken)
        {
            if (Rows.Any(r => r.FeedId == s.FeedId && r.State is not (SubscriptionState.Unsubscribe or SubscriptionState.Leaving))) return Task.FromResult(false);
            Rows.Add(s);
            return Task.FromResult(true);
        }

        public Task<WebSubSubscription?> FindAsync(string callbackId, CancellationToken cancellationToken) =>
            Task.FromResult(Rows.FirstOrDefault(r => r.CallbackId == callbackId));

        public Task<IReadOnlyList<WebSubSubscription>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<WebSubSubscription>>([.. Rows]);

        public Task<bool> UpdateAsync(WebSubSubscription s, SubscriptionState expected, CancellationToken cancellationToken)
        {
            var at = Rows.FindIndex(r => r.CallbackId == s.CallbackId && r.State == expected);
            if (at >= 0) Rows[at] = s;
            return Task.FromResult(at >= 0);
        }

        public Task RemoveAsync(string callbackId, CancellationToken cancellationToken)
        {
            Rows.RemoveAll(r => r.CallbackId == callbackId);
            return Task.CompletedTask;
        }
    }
}
