namespace BorderAlerts.Core.Storage;

/// <summary>An item as first seen: the source it came from, its publication date if it had one, and whether it could alert (not a seeding poll's).</summary>
public sealed record ItemTiming(string FeedId, DateTimeOffset? PublishedAt, DateTimeOffset FirstSeenAt, bool Alertable);

/// <summary>A sent delivery of an alert: the source its item was first seen from, when it was first seen, when the delivery was sent.</summary>
public sealed record DeliveryTiming(string FeedId, DateTimeOffset FirstSeenAt, DateTimeOffset SentAt);

/// <summary>
/// The timings <see cref="SourceLatencies"/> summarises, newest first, at most <c>limit</c> rows each: what the store holds,
/// unfiltered; what counts is decided in the core.
/// </summary>
public interface ISourceLatencyReader
{
    /// <summary>Items first seen at or after <paramref name="since"/>.</summary>
    Task<IReadOnlyList<ItemTiming>> ItemsSinceAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken);

    /// <summary>Sent deliveries of alerts of items first seen at or after <paramref name="since"/>.</summary>
    Task<IReadOnlyList<DeliveryTiming>> DeliveriesSinceAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken);
}
