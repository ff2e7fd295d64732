using System.Security.Cryptography;
using BorderAlerts.Core.Feeds;
using BorderAlerts.Core.Parsing;
using BorderAlerts.Core.Polling;
using BorderAlerts.Core.Storage;
using Microsoft.Extensions.Logging;

namespace BorderAlerts.Core.WebSub;

/// <summary>
/// The subscriber side of W3C WebSub: a feed a poll found naming a hub is subscribed (when the service has a public
/// address), renewed before its lease ends, and unsubscribed when the feed is removed or paused, names another hub or
/// none. <see cref="MaintainAsync"/> takes each due step; it runs once across the cluster, and every step is a write
/// conditional on the state read, so one instance holds each subscription while any instance answers the hub
/// (<see cref="WebSubCallbacks"/>). A hub that refuses or never verifies costs a log line and a later retry (2 minutes,
/// doubling to 6 hours): the feed is polled as before meanwhile.
/// </summary>
public sealed class WebSubSubscriber(IWebSubStore store, IHubClient hub, IFeedCatalog catalog, WebSubOptions options, TimeProvider clock,
    ILogger<WebSubSubscriber> log) : IPushSources
{
    static readonly TimeSpan Stale = TimeSpan.FromSeconds(30), MaxRetry = TimeSpan.FromHours(6);

    /// <summary>How long a hub that denied a subscription is left before it is asked again.</summary>
    public static readonly TimeSpan DeniedWait = TimeSpan.FromDays(1);

    Dictionary<string, WebSubSubscription> _byFeed = [];
    long _readAtTicks = DateTimeOffset.MinValue.UtcTicks;
    int _reading;

    public TimeSpan SafetyInterval => options.SafetyInterval;

    bool StaleAt(DateTimeOffset now) => now.UtcTicks - Interlocked.Read(ref _readAtTicks) > Stale.Ticks;

    public bool Covers(string feedId, DateTimeOffset now)
    {
        if (options.CallbackBase is null) return false;
        if (StaleAt(now)) _ = RefreshAsync(CancellationToken.None);
        return Volatile.Read(ref _byFeed).TryGetValue(feedId, out var subscription) && subscription.InForce(now);
    }

    /// <param name="links">What the fetched body named; null when it named no hub, which ends a subscription it had.</param>
    public async Task OfferAsync(FeedDefinition feed, PushLinks? links, CancellationToken cancellationToken)
    {
        if (options.CallbackBase is null || !feed.Enabled) return;
        try
        {
            var now = clock.GetUtcNow();
            if (StaleAt(now)) await RefreshAsync(cancellationToken);
            Volatile.Read(ref _byFeed).TryGetValue(feed.Id, out var current);
            if (current is null && links is null) return;
            if (current is not null && links is not null && current.Hub == links.Hub && current.Topic.OriginalString == links.Topic.OriginalString) return;
            if (current is not null)
            {
                log.LogInformation("WebSub: {Feed} now names {What}; ending {Old}", feed.Id, links is null ? "no hub" : $"hub {links.Hub} and topic {links.Topic.OriginalString}", current);
                await store.UpdateAsync(current with { State = SubscriptionState.Unsubscribe, DueAt = now }, current.State, cancellationToken);
            }
            if (links is not null)
            {
                var fresh = new WebSubSubscription(NewToken(), feed.Id, links.Hub, links.Topic, NewToken(), SubscriptionState.Subscribe, now, null, 0, null, now);
                if (await store.AddAsync(fresh, cancellationToken))
                    log.LogInformation("WebSub: {Feed} names hub {Hub} for topic {Topic}; subscribing", feed.Id, links.Hub, links.Topic.OriginalString);
            }
            await RefreshAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            log.LogWarning("WebSub: could not record the hub {Feed} names: {Error}; the next poll offers it again", feed.Id, e.Message);
        }
    }

    /// <summary>
    /// Takes every step that is due: send, renew, retry, end; returns how many it took. Without a public address it takes
    /// none and leaves every subscription as it is (an instance configured without one must not undo the cluster's).
    /// </summary>
    public async Task<int> MaintainAsync(CancellationToken cancellationToken)
    {
        if (options.CallbackBase is null) return 0;
        var feeds = catalog.Current().Feeds.Where(f => f.Enabled).Select(f => f.Id).ToHashSet();
        int steps = 0;
        foreach (var row in await store.ListAsync(cancellationToken))
        {
            try
            {
                var subscription = await EndIfUnwantedAsync(row, feeds.Contains(row.FeedId), cancellationToken);
                if (subscription is null || subscription.DueAt > clock.GetUtcNow()) continue;
                await StepAsync(subscription, cancellationToken);
                steps++;
            }
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
            {
                log.LogWarning("WebSub: a step for {Subscription} failed: {Error}; tried again at the next pass", row, e.Message);
            }
        }
        await RefreshAsync(cancellationToken);
        return steps;
    }

    /// <summary>A subscription whose feed was removed or paused is ended; one never in force at the hub is just forgotten.</summary>
    async Task<WebSubSubscription?> EndIfUnwantedAsync(WebSubSubscription row, bool wanted, CancellationToken cancellationToken)
    {
        if (wanted || row.State is SubscriptionState.Unsubscribe or SubscriptionState.Leaving) return row;
        if (row.ExpiresAt is null)
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
        SubscriptionState.Pending => RetryLaterAsync(row, $"the hub did not verify within {options.VerifyWithin}", SubscriptionState.Pending, cancellationToken),
        _ => SubscribeAsync(row, cancellationToken),
    };

    /// <summary>A first request, a renewal, or a retry after a refusal, a denial or a hub that never verified.</summary>
    async Task SubscribeAsync(WebSubSubscription row, CancellationToken cancellationToken)
    {
        // Pending before the request: a hub may verify before it answers the POST.
        var pending = row with { State = SubscriptionState.Pending, DueAt = clock.GetUtcNow() + options.VerifyWithin };
        if (!await store.UpdateAsync(pending, row.State, cancellationToken)) return;
        var answer = await hub.SendAsync(new HubRequest("subscribe", row.Hub, row.Topic, options.CallbackFor(row.CallbackId), options.Lease, row.Secret),
            cancellationToken);
        if (!answer.Accepted) await RetryLaterAsync(pending, answer.Detail, SubscriptionState.Pending, cancellationToken);
    }

    /// <summary>Asked again later and later; a lease still in force stays in force meanwhile.</summary>
    async Task RetryLaterAsync(WebSubSubscription row, string why, SubscriptionState expected, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var attempts = row.Attempts + 1;
        var retry = now + Retry(attempts);
        log.LogWarning("WebSub: subscribing {Feed} at hub {Hub} failed: {Why}; polling goes on, next try at {Retry:u}", row.FeedId, row.Hub, why, retry);
        var back = row with
        {
            State = row.InForce(now) ? SubscriptionState.Active : SubscriptionState.Subscribe, DueAt = retry, Attempts = attempts, LastError = Clip(why),
        };
        await store.UpdateAsync(back, expected, cancellationToken);
    }

    async Task UnsubscribeAsync(WebSubSubscription row, CancellationToken cancellationToken)
    {
        var leaving = row with { State = SubscriptionState.Leaving, DueAt = clock.GetUtcNow() + options.VerifyWithin };
        if (!await store.UpdateAsync(leaving, row.State, cancellationToken)) return;
        var answer = await hub.SendAsync(new HubRequest("unsubscribe", row.Hub, row.Topic, options.CallbackFor(row.CallbackId)), cancellationToken);
        // Forgotten either way: a hub that pushes on is answered 410 Gone, which ends a subscription too.
        if (!answer.Accepted) await ForgetAsync(row, $"the unsubscription was not taken: {answer.Detail}", cancellationToken);
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

    static TimeSpan Retry(int attempts) => TimeSpan.FromMinutes(Math.Min(Math.Pow(2, Math.Min(attempts, 20)), MaxRetry.TotalMinutes));

    static string Clip(string text) => text.Length > 300 ? text[..300] + "…" : text;

    async Task RefreshAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _reading, 1) == 1) return;
        try
        {
            var rows = await store.ListAsync(cancellationToken);
            var live = rows.Where(r => r.State is not (SubscriptionState.Unsubscribe or SubscriptionState.Leaving))
                .GroupBy(r => r.FeedId).ToDictionary(g => g.Key, g => g.First());
            Volatile.Write(ref _byFeed, live);
            Interlocked.Exchange(ref _readAtTicks, clock.GetUtcNow().UtcTicks);
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
