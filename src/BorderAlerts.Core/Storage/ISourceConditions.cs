namespace BorderAlerts.Core.Storage;

/// <summary>A condition of a source that the admin was told of (failing, blocked, empty, silent).</summary>
public readonly record struct SourceCondition(string FeedId, string Name);

/// <summary>
/// The source-health conditions told to the admin and not yet told ended, kept in the store, so that the monitor on
/// another instance or after a restart neither repeats a start nor misses an end. Opening and closing are atomic: of
/// two monitors that see the same change, exactly one is told it won and reports it.
/// </summary>
public interface ISourceConditions
{
    /// <summary>Every condition open now.</summary>
    Task<IReadOnlySet<SourceCondition>> ListOpenAsync(CancellationToken cancellationToken);

    /// <summary>Records that <paramref name="condition"/> started at <paramref name="at"/>: true when this call opened it, false when it was open already.</summary>
    Task<bool> TryOpenAsync(SourceCondition condition, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Records that <paramref name="condition"/> ended: true when this call closed it, false when it was not open.</summary>
    Task<bool> TryCloseAsync(SourceCondition condition, CancellationToken cancellationToken);
}
