namespace BorderAlerts.Core.Watchlists;

/// <summary>
/// What the store knows of one list's refreshes: the HTTP validators and time of the copy in force, the last attempt
/// (the claim a refresh takes, so instances never fetch a list twice for one due time), the size of the copy, and its
/// failures since the last good refresh.
/// </summary>
public sealed record WatchlistState(string ListId)
{
    public string? ETag { get; init; }
    public string? LastModified { get; init; }
    /// <summary>When the copy in force was fetched; null while the list has none. The catalogs reload when it changes.</summary>
    public DateTimeOffset? RefreshedAt { get; init; }
    public DateTimeOffset? LastAttemptAt { get; init; }
    public int Entries { get; init; }
    public int ConsecutiveFailures { get; init; }
    public string? LastError { get; init; }

    /// <summary>Retries after a failure come sooner than the list's interval, at most an hour later.</summary>
    public static readonly TimeSpan RetryAfterFailure = TimeSpan.FromHours(1);

    /// <summary>When the list is due: at once if never tried; its interval after the last attempt, or sooner after a failure.</summary>
    public DateTimeOffset NextRefresh(WatchlistDefinition list, DateTimeOffset now) => LastAttemptAt is not { } last ? now
        : last + (ConsecutiveFailures > 0 && RetryAfterFailure < list.Every ? RetryAfterFailure : list.Every);
}

/// <summary>
/// Where lists' copies are kept (watchlist_state, watchlist_entries), the same on every instance. A refresh claims a
/// list by moving its last attempt on from the value it read, so of several instances exactly one fetches.
/// </summary>
public interface IWatchlistStore
{
    Task<IReadOnlyList<WatchlistState>> ListStatesAsync(CancellationToken cancellationToken);

    /// <summary>The entries of the copy in force, in the order they were stored.</summary>
    Task<IReadOnlyList<WatchlistEntry>> EntriesAsync(string listId, CancellationToken cancellationToken);

    /// <summary>Sets the list's last attempt to <paramref name="now"/> if it is still <paramref name="seen"/>: true when this call claimed it.</summary>
    Task<bool> TryClaimAsync(string listId, DateTimeOffset? seen, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Writes the state; with <paramref name="entries"/>, replaces the copy in force in the same transaction.</summary>
    Task SaveAsync(WatchlistState state, IReadOnlyList<WatchlistEntry>? entries, CancellationToken cancellationToken);
}
