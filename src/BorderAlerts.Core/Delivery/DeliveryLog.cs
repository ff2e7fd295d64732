namespace BorderAlerts.Core.Delivery;

/// <summary>
/// Where a delivery stands, as people read it: pending (not tried yet), retrying (pending after a failed try or a
/// platform's wait), sent, or dead (dead-lettered: given up, the error kept).
/// </summary>
public enum DeliveryStatus { Pending, Retrying, Sent, Dead }

/// <summary>One delivery of one alert to one destination, as the panel's alerts page lists it (no addresses or tokens: the destination's name only).</summary>
public sealed record DeliveryLogEntry(long Id, string Destination, DeliveryKind Kind, string RuleId, string Title, DeliveryStatus Status,
    int Attempts, DateTimeOffset CreatedAt, DateTimeOffset NextAttempt, DateTimeOffset? SentAt, string? Error)
{
    /// <summary>Sent in a digest of a busy rule rather than as a card of its own.</summary>
    public bool Digest { get; init; }

    /// <summary>Who sent a dead letter again, and when (the latest time).</summary>
    public string? ResentBy { get; init; }
    public DateTimeOffset? ResentAt { get; init; }
}

/// <summary>The outbox read back for people: what was sent where, and a dead letter put back in line.</summary>
public interface IDeliveryLog
{
    /// <summary>Deliveries newest first, of one status or all, <paramref name="limit"/> of them after skipping <paramref name="offset"/>.</summary>
    Task<IReadOnlyList<DeliveryLogEntry>> ListAsync(DeliveryStatus? status, int offset, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Puts dead-lettered delivery <paramref name="id"/> back in the outbox: pending, due at <paramref name="now"/>, attempts
    /// reset, the resend recorded on it with <paramref name="actor"/>. False (nothing changed) when it is not dead-lettered.
    /// </summary>
    Task<bool> ResendAsync(long id, string actor, DateTimeOffset now, CancellationToken cancellationToken);
}
