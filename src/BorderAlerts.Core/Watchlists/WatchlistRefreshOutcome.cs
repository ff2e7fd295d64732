namespace BorderAlerts.Core.Watchlists;

public enum WatchlistRefreshKind
{
    /// <summary>A new copy is in force.</summary>
    Updated,
    /// <summary>The list answered 304 (one conditional request): the copy in force stays.</summary>
    Unchanged,
    /// <summary>Network, HTTP, size or format: the previous copy stays.</summary>
    Failed,
    /// <summary>The new copy had fewer than half the previous entries: refused as suspicious, the previous copy stays.</summary>
    Refused,
    /// <summary>Another refresh claimed the list first (another instance, or `watchlists refresh` at the same time).</summary>
    ClaimedElsewhere,
}

/// <summary>One list's refresh: what happened, the entries in force after it, what it changed, and what to tell the admin.</summary>
public sealed record WatchlistRefreshOutcome(string ListId, WatchlistRefreshKind Kind, string Message, int Entries)
{
    public WatchlistChanges Changes { get; init; } = new([], []);
    public IReadOnlyList<string> Notices { get; init; } = [];
    /// <summary>The refresh's additions and removals in one message, for the destinations of the rules naming the list; null when none.</summary>
    public string? News { get; init; }
}
