namespace BorderAlerts.Core.Watchlists;

/// <summary>
/// A list's copy in force: the entries read at its last good refresh (the program filter applied), when that was,
/// (the refresh keeps its HTTP validators itself).
/// </summary>
public sealed record WatchlistSnapshot(WatchlistDefinition List, IReadOnlyList<WatchlistEntry> Entries, DateTimeOffset RefreshedAt);

/// <summary>
/// The watchlists in force, as the rules compile them into concepts (<c>@ofac-sdn</c>): every enabled list of
/// watchlists.yaml with its last good copy (a list never refreshed has none and is absent). <see cref="Version"/>
/// changes whenever a list's copy or the file changes, so a rule source recompiles only then.
/// </summary>
public interface IWatchlistCatalog
{
    (IReadOnlyList<WatchlistSnapshot> Lists, long Version) Current();
}

/// <summary>No watchlists: the rules compile as they did before watchlists existed.</summary>
public sealed class NoWatchlists : IWatchlistCatalog
{
    public static readonly NoWatchlists Instance = new();

    public (IReadOnlyList<WatchlistSnapshot> Lists, long Version) Current() => ([], 0);
}
