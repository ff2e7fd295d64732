using System.Runtime.CompilerServices;
using BorderAlerts.Core.Search;
using BorderAlerts.Core.Search.Postings;
using BorderAlerts.Core.Storage;
using BorderAlerts.Storage.Segments;
using Microsoft.Data.Sqlite;

namespace BorderAlerts.Storage.Sqlite;

/// <summary>
/// Archive search on SQLite: an inverted index of our own (ADR 0008), written in the transaction that stores the items.
/// Each write adds one immutable segment (token key → item ids, no positions: the exact check after the index has them),
/// and segments merge in tiers (<see cref="SegmentTiers"/>). FTS5 spent ~0.5 µs per token, 7× too slow for the ingest
/// target. Candidates stream newest first, segment by segment, so a search reads only as far as it needs.
/// </summary>
public sealed class SqliteSearchIndex(SqliteDatabase database) : ISearchIndex
{
    const string Columns = ArchivedItemRows.Columns;

    /// <summary>Candidates fetched from the items table per statement.</summary>
    const int FetchBatch = 64;

    /// <summary>
    /// At start: drops merges a stopped process left unfinished, then indexes items stored before the index existed (or
    /// after it was dropped), in batches of 1,000.
    /// </summary>
    public static async Task BackfillAsync(SqliteDatabase database, CancellationToken cancellationToken)
    {
        await using (var connection = await database.OpenAsync(cancellationToken))
            SegmentTables.DeleteUnready(connection);
        while (true)
        {
            await database.WriteLock.WaitAsync(cancellationToken);
            try
            {
                await using var connection = await database.OpenAsync(cancellationToken);
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                if (!await SearchBackfill.StepAsync(connection, database.Segments, cancellationToken)) return;
                await transaction.CommitAsync(cancellationToken);
            }
            finally { database.WriteLock.Release(); }
        }
    }

    /// <summary>
    /// Newest first: segments from the newest range down, and within one the matching ids from the highest. Filters are
    /// applied when the candidates are read from the items table.
    /// </summary>
    public async IAsyncEnumerable<ArchivedItem> CandidatesAsync(SearchExpression? restriction, SearchFilters filters,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // One snapshot for the whole walk: a merge committing meanwhile must not drop a segment between listing and reading it.
        await using var snapshot = connection.BeginTransaction(deferred: true);
        var (where, parameters, minId) = await FilterSqlAsync(connection, filters, cancellationToken);
        int cap = ArchiveSearch.MaxExamined + 1, yielded = 0;
        // A restriction that narrows nothing (a prefix of too many words) reads the items table as no restriction does,
        // rather than every id of every segment.
        var query = restriction is null ? KeyQuery.Everything : KeyQuery.Compile(restriction, prefix => SearchWords.Expand(connection, prefix));
        if (query == KeyQuery.Everything)
        {
            await using var command = Db.Command(connection, $"SELECT {Columns} FROM items i WHERE 1 = 1{where} ORDER BY i.id DESC LIMIT $cap", [.. parameters, ("$cap", cap)]);
            await foreach (var item in ArchivedItemRows.ReadAsync(command, ArchivedItemRows.LenientLink, cancellationToken)) yield return item;
            yield break;
        }
        foreach (var ids in MatchingIds(connection, query, minId))
        {
            for (int end = ids.Count; end > 0 && ids[end - 1] >= minId; end -= FetchBatch)
            {
                var batch = ids.GetRange(Math.Max(0, end - FetchBatch), Math.Min(FetchBatch, end)).Where(id => id >= minId);
                await using var command = Db.Command(connection,
                    $"SELECT {Columns} FROM items i WHERE i.id IN ({string.Join(", ", batch)}){where} ORDER BY i.id DESC", parameters);
                await foreach (var item in ArchivedItemRows.ReadAsync(command, ArchivedItemRows.LenientLink, cancellationToken))
                {
                    yield return item;
                    if (++yielded >= cap) yield break;
                }
            }
        }
    }

    /// <summary>The ids matching a restriction, one segment at a time from the newest; each list ascending.</summary>
    static IEnumerable<List<long>> MatchingIds(SqliteConnection connection, KeyQuery query, long minId)
    {
        using var lookup = new SegmentLookup(connection);
        foreach (var segment in SegmentTables.List(connection).Where(s => s.LastItem >= minId))
        {
            var lists = new Dictionary<long, List<long>>();
            yield return query.Evaluate(key => lists.TryGetValue(key, out var found) ? found : lists[key] = lookup.Ids(segment.Id, key),
                () => Enumerable.Range(0, checked((int)(segment.LastItem - segment.FirstItem + 1))).Select(n => segment.FirstItem + n).ToList());
        }
    }

    /// <summary>How many indexed items a restriction lets through (for the benchmark's selectivity column).</summary>
    internal static async Task<long> CountAsync(SqliteDatabase database, SearchExpression restriction, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return MatchingIds(connection, KeyQuery.Compile(restriction, prefix => SearchWords.Expand(connection, prefix)), long.MinValue).Sum(ids => (long)ids.Count);
    }

    /// <summary>Filters as SQL over items `i`; `since` also becomes an id bound (<c>MinId</c>) that skips older segments.</summary>
    static async Task<(string Where, (string, object?)[] Parameters, long MinId)> FilterSqlAsync(SqliteConnection connection, SearchFilters filters,
        CancellationToken cancellationToken)
    {
        var where = new System.Text.StringBuilder();
        var parameters = new List<(string, object?)>();
        long minId = long.MinValue;
        if (filters.Since is { } since)
        {
            // Ids grow with time but polls finish out of order: the bound is an hour loose, the exact test follows it.
            // INDEXED BY: left to itself SQLite answers min(id) by walking the table from its first row until one is recent
            // enough (90 ms for `since:7d` at 100,000 items over a year; linear in the archive).
            await using var first = Db.Command(connection, "SELECT min(id) FROM items INDEXED BY items_first_seen WHERE first_seen_at >= $loose",
                ("$loose", Db.Ms(since - TimeSpan.FromHours(1))));
            minId = await first.ExecuteScalarAsync(cancellationToken) is long id ? id : long.MaxValue;
            // The window counts from the published time (ArchivedItem.Dated), which is never after the first sighting, so the
            // first-seen bound above stays safe.
            where.Append(" AND i.id >= $min_id AND min(coalesce(i.published_at, i.first_seen_at), i.first_seen_at) >= $since");
            parameters.Add(("$min_id", minId));
            parameters.Add(("$since", Db.Ms(since)));
        }
        for (int n = 0; n < filters.Sources.Count; n++)
        {
            var (value, prefix) = filters.Sources[n];
            // Exact comparisons, not LIKE: '_' is common in feed ids and must not be a wildcard.
            string Test(string column) => prefix ? $"lower(substr({column}, 1, length($source{n}))) = lower($source{n})" : $"{column} = $source{n} COLLATE NOCASE";
            where.Append($" AND ({Test("i.first_feed_id")} OR EXISTS (SELECT 1 FROM sightings g WHERE g.item_id = i.id AND {Test("g.feed_id")}))");
            parameters.Add(($"$source{n}", value));
        }
        for (int n = 0; n < filters.Languages.Count; n++)
        {
            where.Append($" AND lower(substr(i.language, 1, length($lang{n}))) = lower($lang{n})");
            parameters.Add(($"$lang{n}", filters.Languages[n]));
        }
        return (where.ToString(), parameters.ToArray(), minId);
    }
}
