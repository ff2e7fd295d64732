using BorderAlerts.Core.Watchlists;

namespace BorderAlerts.Core.Rules.ListConcepts;

/// <summary>
/// The watchlists as concepts, by list id: each loaded list's entries, and an empty concept for each list that is
/// declared in watchlists.yaml but not loaded (disabled or never refreshed), so a rule naming it compiles and matches
/// nothing until its first good refresh. <see cref="Version"/> is the catalog's.
/// </summary>
public sealed class WatchlistConcepts
{
    public static WatchlistConcepts None { get; } = new(new Dictionary<string, WatchlistConcept>(), 0);

    WatchlistConcepts(IReadOnlyDictionary<string, WatchlistConcept> byId, long version) => (ById, Version) = (byId, version);

    public IReadOnlyDictionary<string, WatchlistConcept> ById { get; }
    public long Version { get; }

    public static WatchlistConcepts From(IReadOnlyList<WatchlistSnapshot> lists, long version, IEnumerable<string>? declared = null)
    {
        var byId = new Dictionary<string, WatchlistConcept>(StringComparer.Ordinal);
        foreach (var id in declared ?? []) byId[id] = WatchlistConcept.Empty(id);
        foreach (var list in lists) byId[list.List.Id] = WatchlistConceptBuilder.Build(list.List.Id, list.Entries);
        return new(byId, version);
    }

    /// <summary>The entry behind a term of a match, when it is a watchlist name.</summary>
    public WatchlistHit? EntryOf(string? concept, string normalizedTerm) =>
        concept is not null && ById.TryGetValue(concept, out var list) ? list.EntryOf(normalizedTerm) : null;
}

/// <summary>The watchlists as the rules compile them: the catalog's lists, and every id watchlists.yaml declares.</summary>
public static class WatchlistConceptSource
{
    /// <summary>
    /// Builds the concepts from the catalog now; the ids declared in <paramref name="watchlistsFile"/> (enabled or not)
    /// become empty concepts until loaded. A broken watchlists.yaml throws its <see cref="Config.ConfigException"/>.
    /// </summary>
    public static WatchlistConcepts Load(IWatchlistCatalog catalog, string? watchlistsFile)
    {
        var (lists, version) = catalog.Current();
        var declared = watchlistsFile is null ? [] : WatchlistsFile.Load(watchlistsFile).Select(l => l.Id);
        return WatchlistConcepts.From(lists, version, declared);
    }
}
