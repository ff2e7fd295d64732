namespace BorderAlerts.Core.Storage;

/// <summary>
/// Where a WebSub subscription stands. Subscribe: a request is to be sent; Pending: sent, the hub's verification of intent
/// awaited; Active: verified, in force until its lease ends; Unsubscribe: to be ended; Leaving: the end asked for,
/// its verification awaited; Denied: the hub refused it, asked again later.
/// </summary>
public enum SubscriptionState { Subscribe, Pending, Active, Unsubscribe, Leaving, Denied }

/// <param name="CallbackId">The unguessable last segment of the callback address, the row's key.</param>
/// <param name="Secret">The hub.secret for this subscription's X-Hub-Signature; never shown or logged.</param>
/// <param name="DueAt">When the subscriber next acts on it: send, give up waiting, renew, retry.</param>
/// <param name="ExpiresAt">When the verified lease ends; null before the first verification.</param>
public sealed record WebSubSubscription(string CallbackId, string FeedId, Uri Hub, Uri Topic, string Secret, SubscriptionState State,
    DateTimeOffset DueAt, DateTimeOffset? ExpiresAt, int Attempts, string? LastError, DateTimeOffset CreatedAt)
{
    /// <summary>A hub may push while a lease is in force, however its renewal is going.</summary>
    public bool InForce(DateTimeOffset now) => ExpiresAt > now && State is not (SubscriptionState.Unsubscribe or SubscriptionState.Leaving);

    /// <summary>The secret is left out, so a subscription can be logged or printed whole.</summary>
    public override string ToString() => $"{FeedId} via {Hub} ({State}, callback …{CallbackId[^4..]})";
}

/// <summary>The WebSub subscriptions, shared by every instance: any of them may receive a hub's request.</summary>
public interface IWebSubStore
{
    /// <summary>Adds a subscription; false when the feed already has one that is not being ended.</summary>
    Task<bool> AddAsync(WebSubSubscription subscription, CancellationToken cancellationToken);

    Task<WebSubSubscription?> FindAsync(string callbackId, CancellationToken cancellationToken);

    Task<IReadOnlyList<WebSubSubscription>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Writes the new state only if the row is still in <paramref name="expected"/>: two instances never both act on one step.</summary>
    Task<bool> UpdateAsync(WebSubSubscription subscription, SubscriptionState expected, CancellationToken cancellationToken);

    Task RemoveAsync(string callbackId, CancellationToken cancellationToken);
}
