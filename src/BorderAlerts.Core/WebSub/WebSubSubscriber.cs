using System.Security.Cryptography;
using BorderAlerts.Core.Feeds;
using BorderAlerts.Core.Parsing;
using BorderAlerts.Core.Polling;
using BorderAlerts.Core.Storage;
using Microsoft.Extensions.Logging;

namespace BorderAlerts.Core.WebSub;

/// <summary>
/// The subscriber side of W3C WebSub: a feed a poll found naming a hub is subscribed (when the service has a public
/// address), renewed before its lease ends, and unsubscribed when the feed is removed or paused or names another hub.
/// <see cref="MaintainAsync"/> takes each due step; it runs once across the cluster, and every step is a conditional
/// write in the shared store, so one instance holds each subscription while any instance answers the hub
/// (<see cref="WebSubCallbacks"/>). A hub that refuses or never verifies costs nothing but a log line and a later retry:
/// the feed is polled as before.
/// </summary>
public sealed class WebSubSubscriber(IWebSubStore store, IHubClient hub, IFeedCatalog catalog, WebSubOptions options, TimeProvider clock,
    ILogger<WebSubSubscriber> log) : IPushSources
{
    static readonly TimeSpan Stale = TimeSpan.FromSeconds(30), MaxRetry = TimeSpan.FromHours(6), DeniedRetry = TimeSpan.FromDays(1);

    Dictionary<string, WebSubSubscription> _byFeed = [];
    DateTimeOffset _readAt = DateTimeOffset.MinValue;
    int _reading;

    public TimeSpan SafetyInterval => options.SafetyInterval;

    public bool Covers(string feedId, DateTimeOffset now)
    {
        if (options.CallbackBase is null) return false;
        if (now - _readAt > Stale) _ = RefreshAsync(CancellationToken.None);
        return Volatile.Read(ref _byFeed).TryGetValue(feedId, out var subscription) && subscription.InForce(now);
    }

    public async Task OfferAsync(FeedDefinition feed, PushLinks links, CancellationToken cancellationToken)
    {
        if (options.CallbackBase is null || !feed.Enabled) return;
        var now = clock.GetUtcNow();
        if (now - _readAt > Stale) await RefreshAsync(cancellationToken);
        Volatile.Read(ref _byFeed).TryGetValue(feed.Id, out var current);
        if (current is not null && current.Hub == links.Hub && current.Topic == links.Topic) return;
        if (current is not null)
        {
            log.LogInformation("WebSub: {Feed} now names hub {Hub} and topic {Topic}; ending {Old}", feed.Id, links.Hub, links.Topic, current);
            await store.UpdateAsync(current with { State = SubscriptionState.Unsubscribe, DueAt = now }, current.State, cancellationToken);
        }
        var fresh = new WebSubSubscription(NewToken(), feed.Id, links.Hub, links.Topic, NewToken(), SubscriptionState.Subscribe, now, null, 0, null, now, feed.Untrusted);
        if (await store.AddAsync(fresh, cancellationToken))
            log.LogInformation("WebSub: {Feed} names hub {Hub} for topic {Topic}; subscribing", feed.Id, links.Hub, links.Topic);
        await RefreshAsync(cancellationToken);
    }

    /// <summary>Takes every step that is due: send, renew, retry, end; returns how many it took.</summary>
    public async Task<int> MaintainAsync(CancellationToken cancellationToken)
    {
        var feeds = catalog.Current().Feeds.Where(f => f.Enabled).ToDictionary(f => f.Id);
        int steps = 0;
        foreach (var row in await store.ListAsync(cancellationToken))
        {
            var subscription = await EndIfUnwantedAsync(row, feeds.ContainsKey(row.FeedId) && options.CallbackBase is not null, cancellationToken);
            if (subscription is null || subscription.DueAt > clock.GetUtcNow()) continue;
            await StepAsync(subscription, cancellationToken);
            steps++;
        }
        await RefreshAsync(cancellationToken);
        return steps;
    }

    /// <summary>
    /// A subscription whose feed was removed or paused is ended; one never in force at the hub is just forgotten, and so is
    /// every one once the public address is unset (no callback to name; a hub pushing to the old one gets no answer).
    /// </summary>
    async Task<WebSubSubscription?> EndIfUnwantedAsync(WebSubSubscription row, bool wanted, CancellationToken cancellationToken)
    {
        if (wanted || row.State is SubscriptionState.Unsubscribe or SubscriptionState.Leaving && options.CallbackBase is not null) return row;
        if (row.ExpiresAt is null || options.CallbackBase is null)
        {
            await store.RemoveAsync(row.CallbackId, cancellationToken);
            return null;
        }
        log.LogInformation("WebSub: {Feed} is no longer polled; unsubscribing {Subscription}", row.FeedId, row);
        var ending = row with { State = SubscriptionState.Unsubscribe, DueAt = clock.GetUtcNow() };
        return await store.UpdateAsync(ending, row.State, cancellationToken) ? ending : null;
    }

    Task StepAsync(WebSubSubscription row, CancellationToken cancellationToken) => row.State switch
    {
        SubscriptionState.Unsubscribe => UnsubscribeAsync(row, cancellationToken),
        SubscriptionState.Leaving => ForgetAsync(row, "the hub did not confirm the unsubscription", cancellationToken),
        _ => SubscribeAsync(row, cancellationToken),
    };

    /// <summary>A first request, a renewal, a retry after a refusal or a denial, or again after a hub that never verified.</summary>
    async Task SubscribeAsync(WebSubSubscription row, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (row.State == SubscriptionState.Pending)
            log.LogWarning("WebSub: hub {Hub} did not verify {Feed} within {Window}; asking again", row.Hub, row.FeedId, options.VerifyWithin);
        // Pending before the request: a hub may verify before it answers the POST.
        var pending = row with { State = SubscriptionState.Pending, DueAt = now + options.VerifyWithin };
        if (!await store.UpdateAsync(pending, row.State, cancellationToken)) return;
        var answer = await hub.SendAsync(new HubRequest("subscribe", row.Hub, row.Topic, options.CallbackFor(row.CallbackId), options.Lease, row.Secret),
            row.Untrusted, cancellationToken);
        if (answer.Accepted) return;
        var attempts = row.Attempts + 1;
        var retry = now + Retry(attempts);
        log.LogWarning("WebSub: hub {Hub} refused subscribing {Feed}: {Detail}; polling goes on, next try at {Retry:u}", row.Hub, row.FeedId, answer.Detail, retry);
        var back = pending with { State = row.InForce(now) ? SubscriptionState.Active : SubscriptionState.Subscribe, DueAt = retry, Attempts = attempts, LastError = answer.Detail };
        await store.UpdateAsync(back, SubscriptionState.Pending, cancellationToken);
    }

    async Task UnsubscribeAsync(WebSubSubscription row, CancellationToken cancellationToken)
    {
        var leaving = row with { State = SubscriptionState.Leaving, DueAt = clock.GetUtcNow() + options.VerifyWithin };
        if (!await store.UpdateAsync(leaving, row.State, cancellationToken)) return;
        var answer = await hub.SendAsync(new HubRequest("unsubscribe", row.Hub, row.Topic, options.CallbackFor(row.CallbackId)), row.Untrusted, cancellationToken);
        // Forgotten either way: a hub that pushes on is answered 410 Gone, which ends a subscription too.
        if (!answer.Accepted) await ForgetAsync(row, $"the hub refused the unsubscription: {answer.Detail}", cancellationToken);
    }

    async Task ForgetAsync(WebSubSubscription row, string why, CancellationToken cancellationToken)
    {
        log.LogInformation("WebSub: forgetting {Subscription}: {Why}", row, why);
        await store.RemoveAsync(row.CallbackId, cancellationToken);
    }

    /// <summary>A change this instance's callbacks made, seen by its own polls at once (other instances read it within 30 s).</summary>
    public void Remember(WebSubSubscription subscription, bool removed = false)
    {
        var copy = new Dictionary<string, WebSubSubscription>(Volatile.Read(ref _byFeed));
        if (removed) { if (copy.TryGetValue(subscription.FeedId, out var held) && held.CallbackId == subscription.CallbackId) copy.Remove(subscription.FeedId); }
        else copy[subscription.FeedId] = subscription;
        Volatile.Write(ref _byFeed, copy);
    }

    /// <summary>After the hub verified: renewed at four fifths of the lease it granted.</summary>
    public static DateTimeOffset RenewAt(DateTimeOffset now, TimeSpan lease) => now + lease * 0.8;

    public static TimeSpan DeniedWait => DeniedRetry;

    static TimeSpan Retry(int attempts) => TimeSpan.FromMinutes(Math.Min(Math.Pow(2, Math.Min(attempts, 20)), MaxRetry.TotalMinutes));

    async Task RefreshAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _reading, 1) == 1) return;
        try
        {
            var rows = await store.ListAsync(cancellationToken);
            var live = rows.Where(r => r.State is not (SubscriptionState.Unsubscribe or SubscriptionState.Leaving))
                .GroupBy(r => r.FeedId).ToDictionary(g => g.Key, g => g.First());
            Volatile.Write(ref _byFeed, live);
            _readAt = clock.GetUtcNow();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            log.LogWarning("WebSub: could not read the subscriptions: {Error}", e.Message);
        }
        finally { Volatile.Write(ref _reading, 0); }
    }

    /// <summary>256 random bits, URL-safe: a callback segment no one can guess, or a hub.secret.</summary>
    static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
