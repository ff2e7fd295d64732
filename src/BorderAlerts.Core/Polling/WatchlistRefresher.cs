using BorderAlerts.Core.Storage;
using BorderAlerts.Core.Watchlists;
using Microsoft.Extensions.Logging;

namespace BorderAlerts.Core.Polling;

/// <summary>
/// Refreshes the official lists (run once per cluster by the watchlists job; `watchlists refresh` for one now). Rules:
/// a list is claimed in the store before it is fetched, so no two instances fetch it for one due time; the fetch is
/// conditional, so an unchanged list costs one request answered 304; the previous copy stays in force when a fetch or
/// a read fails or when the new copy has fewer than half its entries (refused as suspicious); a list failing or refused
/// is told to the admin once and its recovery once (source conditions <c>watchlist:&lt;id&gt;</c>, which no feed id
/// can be); a new copy that adds or removes entries is told in one notice. The first copy of a list seeds silently.
/// </summary>
public sealed class WatchlistRefresher(FileWatchlists file, IWatchlistStore store, WatchlistDownload download, ISourceConditions conditions,
    TimeProvider clock, ILogger<WatchlistRefresher> log)
{
    public const string Failing = "failing", Shrunk = "shrunk";

    /// <summary>The source-condition id of a list: a colon, which feed ids never contain.</summary>
    public static string ConditionId(string listId) => "watchlist:" + listId;

    /// <summary>Every enabled list that is due, one after another (lists are few and large).</summary>
    public async Task<IReadOnlyList<WatchlistRefreshOutcome>> RefreshDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var states = (await store.ListStatesAsync(cancellationToken)).ToDictionary(s => s.ListId, StringComparer.Ordinal);
        var outcomes = new List<WatchlistRefreshOutcome>();
        foreach (var list in file.Current().Lists.Where(l => l.Enabled))
        {
            var state = states.GetValueOrDefault(list.Id) ?? new WatchlistState(list.Id);
            if (state.NextRefresh(list, now) <= now) outcomes.Add(await RefreshAsync(list, state, cancellationToken));
        }
        return outcomes;
    }

    /// <summary>Refreshes one list now, due or not.</summary>
    public async Task<WatchlistRefreshOutcome> RefreshNowAsync(WatchlistDefinition list, CancellationToken cancellationToken)
    {
        var state = (await store.ListStatesAsync(cancellationToken)).FirstOrDefault(s => s.ListId == list.Id) ?? new WatchlistState(list.Id);
        return await RefreshAsync(list, state, cancellationToken);
    }

    async Task<WatchlistRefreshOutcome> RefreshAsync(WatchlistDefinition list, WatchlistState state, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!await store.TryClaimAsync(list.Id, state.LastAttemptAt, now, cancellationToken))
            return new(list.Id, WatchlistRefreshKind.ClaimedElsewhere, "refreshed by another instance at the same time", state.Entries);
        state = state with { LastAttemptAt = now };
        var read = await download.ReadAsync(list, state.RefreshedAt is null ? null : state.ETag, state.RefreshedAt is null ? null : state.LastModified, cancellationToken);
        var outcome = read switch
        {
            WatchlistRead.Unchanged u => await KeepAsync(list, state with { ETag = u.ETag, LastModified = u.LastModified }, cancellationToken),
            WatchlistRead.Read r => await AcceptOrRefuseAsync(list, state, r, now, cancellationToken),
            WatchlistRead.Failed f => await FailAsync(list, state, Failing, WatchlistRefreshKind.Failed, f.Error, cancellationToken),
            _ => throw new InvalidOperationException($"unknown watchlist read {read}"),
        };
        log.Log(outcome.Kind is WatchlistRefreshKind.Failed or WatchlistRefreshKind.Refused ? LogLevel.Warning : LogLevel.Information,
            "Watchlist {List}: {Kind}, {Message}", list.Id, outcome.Kind, outcome.Message);
        return outcome;
    }

    async Task<WatchlistRefreshOutcome> KeepAsync(WatchlistDefinition list, WatchlistState state, CancellationToken cancellationToken)
    {
        await store.SaveAsync(Healthy(state), null, cancellationToken);
        return new(list.Id, WatchlistRefreshKind.Unchanged, "not modified since the last refresh", state.Entries)
            { Notices = await RecoveredAsync(list, cancellationToken) };
    }

    async Task<WatchlistRefreshOutcome> AcceptOrRefuseAsync(WatchlistDefinition list, WatchlistState state, WatchlistRead.Read read, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var previous = state.RefreshedAt is null ? [] : await store.EntriesAsync(list.Id, cancellationToken);
        if (read.Entries.Count * 2 < previous.Count)
            return await FailAsync(list, state, Shrunk, WatchlistRefreshKind.Refused,
                $"refused a copy of {read.Entries.Count} entries where the copy in force has {previous.Count} (fewer than half); the previous copy stays", cancellationToken);
        var accepted = Healthy(state) with { ETag = read.ETag, LastModified = read.LastModified, RefreshedAt = now, Entries = read.Entries.Count };
        await store.SaveAsync(accepted, read.Entries, cancellationToken);
        var changes = state.RefreshedAt is null ? new WatchlistChanges([], []) : WatchlistChanges.Between(previous, read.Entries);
        var notices = (await RecoveredAsync(list, cancellationToken)).ToList();
        if (changes.Any) notices.Add(changes.Notice(list));
        return new(list.Id, WatchlistRefreshKind.Updated, read.Counts.ToString(), read.Entries.Count)
            { Changes = changes, Notices = notices, News = changes.Any ? changes.Notice(list) : null };
    }

    async Task<WatchlistRefreshOutcome> FailAsync(WatchlistDefinition list, WatchlistState state, string condition, WatchlistRefreshKind kind, string error,
        CancellationToken cancellationToken)
    {
        await store.SaveAsync(state with { ConsecutiveFailures = state.ConsecutiveFailures + 1, LastError = error }, null, cancellationToken);
        var told = await conditions.TryOpenAsync(new SourceCondition(ConditionId(list.Id), condition), clock.GetUtcNow(), cancellationToken);
        var notice = $"Watchlist '{list.Id}' ({list.Name}) {(kind == WatchlistRefreshKind.Refused ? "refresh was refused" : "failed to refresh")}: {error}. " +
            (state.RefreshedAt is { } at ? $"The copy of {at.UtcDateTime:yyyy-MM-dd HH:mm} UTC ({state.Entries} entries) stays in force." : "It has no copy in force yet.");
        return new(list.Id, kind, error, state.Entries) { Notices = told ? [notice] : [] };
    }

    /// <summary>Closes the list's conditions; each one this call closed is told once.</summary>
    async Task<IReadOnlyList<string>> RecoveredAsync(WatchlistDefinition list, CancellationToken cancellationToken)
    {
        var notices = new List<string>();
        if (await conditions.TryCloseAsync(new SourceCondition(ConditionId(list.Id), Failing), cancellationToken))
            notices.Add($"Watchlist '{list.Id}' ({list.Name}) refreshes again.");
        if (await conditions.TryCloseAsync(new SourceCondition(ConditionId(list.Id), Shrunk), cancellationToken))
            notices.Add($"Watchlist '{list.Id}' ({list.Name}) was accepted again after a refused copy.");
        return notices;
    }

    static WatchlistState Healthy(WatchlistState state) => state with { ConsecutiveFailures = 0, LastError = null };
}
