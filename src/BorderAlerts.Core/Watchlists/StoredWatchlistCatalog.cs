using Microsoft.Extensions.Logging;

namespace BorderAlerts.Core.Watchlists;

/// <summary>
/// The watchlists in force on this instance: every enabled list of watchlists.yaml with the copy the store holds.
/// Whichever instance refreshed a list, each instance notices its new refreshed_at (one small read, at most every
/// <see cref="CheckEvery"/>, started by <see cref="Current"/> in the background so a caller never waits on the store)
/// and reloads that list's entries; <see cref="IWatchlistCatalog.Current"/>'s version then moves on.
/// </summary>
public sealed class StoredWatchlistCatalog(FileWatchlists file, IWatchlistStore store, ILogger<StoredWatchlistCatalog> log) : IWatchlistCatalog
{
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(5);

    readonly SemaphoreSlim _reloading = new(1, 1);
    volatile Loaded _loaded = new([], 0, -1);
    long _nextCheck;
    int _checking;

    sealed record Loaded(IReadOnlyList<WatchlistSnapshot> Lists, long Version, int FileVersion);

    public (IReadOnlyList<WatchlistSnapshot> Lists, long Version) Current()
    {
        var now = Environment.TickCount64;
        if (now >= Interlocked.Read(ref _nextCheck) && Interlocked.Exchange(ref _checking, 1) == 0)
        {
            Interlocked.Exchange(ref _nextCheck, now + (long)CheckEvery.TotalMilliseconds);
            _ = Task.Run(CheckInBackgroundAsync);
        }
        var loaded = _loaded;
        return (loaded.Lists, loaded.Version);
    }

    async Task CheckInBackgroundAsync()
    {
        try { await RefreshAsync(CancellationToken.None); }
        catch (Exception e) { log.LogWarning("Could not read the watchlists' copies from the store; keeping those loaded: {Error}", e.Message); }
        finally { Volatile.Write(ref _checking, 0); }
    }

    /// <summary>Reads the lists' states now and reloads the entries of each list whose copy changed: true if anything did.</summary>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        await _reloading.WaitAsync(cancellationToken);
        try
        {
            var (lists, fileVersion) = file.Current();
            var states = (await store.ListStatesAsync(cancellationToken)).ToDictionary(s => s.ListId, StringComparer.Ordinal);
            var previous = _loaded;
            var kept = previous.Lists.ToDictionary(s => s.List.Id, StringComparer.Ordinal);
            var snapshots = new List<WatchlistSnapshot>();
            var changed = fileVersion != previous.FileVersion;
            foreach (var list in lists.Where(l => l.Enabled))
            {
                if (!states.TryGetValue(list.Id, out var state) || state.RefreshedAt is not { } refreshedAt) { changed |= kept.ContainsKey(list.Id); continue; }
                if (kept.TryGetValue(list.Id, out var have) && have.RefreshedAt == refreshedAt) { snapshots.Add(have with { List = list }); continue; }
                snapshots.Add(new WatchlistSnapshot(list, await store.EntriesAsync(list.Id, cancellationToken), refreshedAt));
                changed = true;
            }
            changed |= snapshots.Count != previous.Lists.Count;
            if (changed) _loaded = new Loaded(snapshots, previous.Version + 1, fileVersion);
            return changed;
        }
        finally { _reloading.Release(); }
    }
}
