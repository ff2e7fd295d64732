using BorderAlerts.Core.Polling;
using BorderAlerts.Core.Storage;
using Microsoft.Extensions.Logging;

namespace BorderAlerts.Core.WebSub;

/// <summary>What a callback request is answered: a status and, for a verification, the echoed challenge.</summary>
public sealed record CallbackAnswer(int Status, string? Body = null);

/// <summary>A hub's GET on a callback: the hub.* query fields.</summary>
public sealed record HubVerification(string? Mode, string? Topic, string? Challenge, string? LeaseSeconds, string? Reason);

/// <summary>
/// The callbacks under {PublicUrl}/websub/{id}, on any instance. A verification of intent is echoed only for a request of
/// ours that is pending (or, repeated by a hub that missed our answer, the subscription it made), for the topic we asked
/// (W3C WebSub §5.3); a push is let in only with a valid X-Hub-Signature under the subscription's secret (§8) and then
/// runs through the poll pipeline, a few at a time. Everything else is answered without
/// trust — 404 to a probe or a verification we did not ask for, 410 to a push for a subscription that is gone, 2xx to a
/// forged or unreadable push (acknowledged and dropped, so a forger learns nothing) — with a log line, and nothing stored.
/// </summary>
public sealed class WebSubCallbacks(IWebSubStore store, PollRunner runner, WebSubSubscriber subscriber, WebSubOptions options, TimeProvider clock,
    ILogger<WebSubCallbacks> log)
{
    static readonly CallbackAnswer NotFound = new(404), Acknowledged = new(202);
    /// <summary>Pushes run through the pipeline at once, at most: a hub's burst waits its turn instead of taking every thread.</summary>
    readonly SemaphoreSlim _pushes = new(4);

    public async Task<CallbackAnswer> VerifyAsync(string callbackId, HubVerification hub, CancellationToken cancellationToken)
    {
        var row = await store.FindAsync(callbackId, cancellationToken);
        if (row is null)
        {
            log.LogWarning("WebSub: a verification ({Mode}) for an unknown callback was refused", hub.Mode);
            return NotFound;
        }
        if (!SameTopic(row.Topic, hub.Topic))
        {
            log.LogWarning("WebSub: hub verified topic {Given} for {Feed}, which asked for {Topic}; refused", hub.Topic, row.FeedId, row.Topic);
            return NotFound;
        }
        return hub.Mode switch
        {
            "subscribe" => await SubscribedAsync(row, hub, cancellationToken),
            "unsubscribe" => await UnsubscribedAsync(row, hub, cancellationToken),
            "denied" => await DeniedAsync(row, hub, cancellationToken),
            _ => Refused(row, $"hub.mode {hub.Mode ?? "(none)"}"),
        };
    }

    async Task<CallbackAnswer> SubscribedAsync(WebSubSubscription row, HubVerification hub, CancellationToken cancellationToken)
    {
        if (row.State is not (SubscriptionState.Pending or SubscriptionState.Active)) return Refused(row, "a subscription no request of ours is waiting for");
        if (string.IsNullOrEmpty(hub.Challenge)) return Refused(row, "no hub.challenge");
        var now = clock.GetUtcNow();
        var lease = long.TryParse(hub.LeaseSeconds, out var seconds) && seconds > 0 ? TimeSpan.FromSeconds(Math.Min(seconds, 10L * 365 * 86400)) : options.Lease;
        var active = row with
        {
            State = SubscriptionState.Active, ExpiresAt = now + lease, DueAt = WebSubSubscriber.RenewAt(now, lease), Attempts = 0, LastError = null,
        };
        if (!await store.UpdateAsync(active, row.State, cancellationToken)) return Refused(row, "the request is no longer pending");
        subscriber.Remember(active);
        log.LogInformation("WebSub: {Feed} subscribed at {Hub} until {Expires:u}", row.FeedId, row.Hub, active.ExpiresAt);
        return new CallbackAnswer(200, hub.Challenge);
    }

    async Task<CallbackAnswer> UnsubscribedAsync(WebSubSubscription row, HubVerification hub, CancellationToken cancellationToken)
    {
        if (row.State != SubscriptionState.Leaving) return Refused(row, "an unsubscription we did not ask for");
        if (string.IsNullOrEmpty(hub.Challenge)) return Refused(row, "no hub.challenge");
        await store.RemoveAsync(row.CallbackId, cancellationToken);
        subscriber.Remember(row, removed: true);
        log.LogInformation("WebSub: {Feed} unsubscribed from {Hub}", row.FeedId, row.Hub);
        return new CallbackAnswer(200, hub.Challenge);
    }

    /// <summary>The hub refused the subscription (§5.2): polling goes on, and it is asked again a day later.</summary>
    async Task<CallbackAnswer> DeniedAsync(WebSubSubscription row, HubVerification hub, CancellationToken cancellationToken)
    {
        if (row.State is SubscriptionState.Unsubscribe or SubscriptionState.Leaving) return Refused(row, "a denial of a subscription being ended");
        var reason = Clip(hub.Reason) ?? "no reason given";
        var denied = row with
        {
            State = SubscriptionState.Denied, ExpiresAt = null, DueAt = clock.GetUtcNow() + WebSubSubscriber.DeniedWait, LastError = $"denied: {reason}",
        };
        if (await store.UpdateAsync(denied, row.State, cancellationToken))
        {
            subscriber.Remember(denied);
            log.LogWarning("WebSub: hub {Hub} denied {Feed}: {Reason}; polling goes on", row.Hub, row.FeedId, reason);
        }
        return new CallbackAnswer(200);
    }

    /// <param name="readBody">Reads the raw body, or null when it is larger than the cap (not read past it); called only for a
    /// subscription of ours, so a probe costs no read.</param>
    public async Task<CallbackAnswer> ReceiveAsync(string callbackId, string? signature, Func<CancellationToken, Task<byte[]?>> readBody,
        string? contentType, IReadOnlyList<KeyValuePair<string, string>> headers, CancellationToken cancellationToken)
    {
        var row = await store.FindAsync(callbackId, cancellationToken);
        if (row is null || row.State is SubscriptionState.Unsubscribe or SubscriptionState.Leaving)
        {
            log.LogWarning("WebSub: a push for {What} was refused (410)", row is null ? "an unknown callback" : $"{row.FeedId}, which is being unsubscribed");
            return new CallbackAnswer(410);
        }
        var body = await readBody(cancellationToken);
        if (body is null)
        {
            log.LogWarning("WebSub: a push for {Feed} over the {Cap:N0}-byte cap was refused", row.FeedId, options.MaxBodyBytes);
            return new CallbackAnswer(413);
        }
        if (HubSignature.Check(signature, body, row.Secret) is var check && check != SignatureCheck.Valid)
        {
            log.LogWarning("WebSub: a push for {Feed} was dropped: signature {Check}", row.FeedId, check);
            return Acknowledged;
        }
        var (push, dropped) = runner.PreparePush(row.FeedId, row.Topic, body, contentType, [.. headers, new("Pushed-By", row.Hub.AbsoluteUri)]);
        if (push is null)
        {
            log.LogWarning("WebSub: a signed push for {Feed} was dropped: {Why}", row.FeedId, dropped);
            return Acknowledged;
        }
        var receipt = await StoreAsync(push, cancellationToken);
        if (receipt.Busy)
        {
            // The hub is answered now, as the Recommendation asks; the items are stored once the poller's claim ends.
            _ = StoreWhenFreeAsync(push);
            return Acknowledged;
        }
        return Told(push, receipt) ? new CallbackAnswer(200) : Acknowledged;
    }

    async Task<PushReceipt> StoreAsync(PreparedPush push, CancellationToken cancellationToken)
    {
        await _pushes.WaitAsync(cancellationToken);
        try { return await runner.StorePushAsync(push, cancellationToken); }
        finally { _pushes.Release(); }
    }

    /// <summary>A push that found a poller holding its feed tries again each second, for as long as a claim can last.</summary>
    async Task StoreWhenFreeAsync(PreparedPush push)
    {
        log.LogInformation("WebSub: a poll holds {Feed}; its push waits for it", push.Feed.Id);
        var until = clock.GetUtcNow() + runner.PushPatience;
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), clock);
                var receipt = await StoreAsync(push, CancellationToken.None);
                if (!receipt.Busy) { Told(push, receipt); return; }
                if (clock.GetUtcNow() > until) { Told(push, receipt with { Dropped = "another poller held the feed throughout; its polls will find the items" }); return; }
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            log.LogWarning("WebSub: a push for {Feed} could not be stored: {Error}; its polls will find the items", push.Feed.Id, e.Message);
        }
    }

    /// <summary>Logs what came of a push; true when it was stored.</summary>
    bool Told(PreparedPush push, PushReceipt receipt)
    {
        if (receipt.Report is not { } report)
        {
            log.LogWarning("WebSub: a signed push for {Feed} was dropped: {Why}", push.Feed.Id, receipt.Dropped);
            return false;
        }
        log.LogInformation("WebSub: push for {Feed}: {Items} items, {New} new, {Alerts} alerts", push.Feed.Id, report.ItemsFound, report.NewItems, report.Alerts.Count);
        return true;
    }

    CallbackAnswer Refused(WebSubSubscription row, string why)
    {
        log.LogWarning("WebSub: a verification for {Feed} was refused: {Why}", row.FeedId, why);
        return NotFound;
    }

    /// <summary>The topic as we sent it, or the same address spelled as a hub may normalise it.</summary>
    static bool SameTopic(Uri ours, string? given) =>
        given == ours.OriginalString || Uri.TryCreate(given, UriKind.Absolute, out var url) && url == ours;

    static string? Clip(string? text) => text is null ? null : text.Length > 200 ? text[..200] + "…" : text;
}
