using System.Runtime.CompilerServices;
using System.Text;
using BorderAlerts.Core.Search;
using BorderAlerts.Core.Search.Postings;
using BorderAlerts.Core.Storage;
using BorderAlerts.Storage.Segments;
using Npgsql;

namespace BorderAlerts.Storage.Postgres;

/// <summary>
/// Archive search on PostgreSQL: the index of SQLite's store (ADR 0008) in the same tables — segments of token key →
/// item ids, written in the transaction that stores the items, merged in the background by one instance at a time.
/// A search reads ready segments newest first, a window of segments per statement (<see cref="SegmentWindow"/>: every
/// key in every segment of the window at once; a round trip costs what SQLite's whole lookup does), then fetches the
/// candidates from items in batches.
/// </summary>
public sealed class PostgresSearchIndex(PostgresDatabase database) : ISearchIndex
{
    const string Columns = ArchivedItemRows.Columns;

    /// <summary>
    /// Items the first window of segments covers (at least one segment); the second takes all the rest. The newest few
    /// thousand items hold a common term's first page, and a rare term needs every segment anyway.
    /// </summary>
    const long FirstWindowItems = 4_096;

    /// <summary>Candidates fetched per statement: the first batch covers the search's usual need (<see cref="ArchiveSearch.Pool"/> hits).</summary>
    const int FirstBatch = 256, MaxBatch = 1_024;

    /// <summary>
    /// Indexes items stored before the index existed (or after it was dropped), in batches of 1,000, each under the
    /// identity lock. The migrator runs it under its own lock, so one instance does the work; it first drops merges a
    /// stopped instance left unfinished.
    /// </summary>
    public static async Task BackfillAsync(NpgsqlConnection connection, PostgresDatabase database, CancellationToken cancellationToken)
    {
        SegmentTables.DeleteUnready(connection);
        while (true)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await Db.Run(connection, "SELECT pg_advisory_xact_lock(@key)", cancellationToken, ("key", PostgresItemWriter.IdentityLock));
            if (!await SearchBackfill.StepAsync(connection, database.Segments, cancellationToken)) return;
            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Newest first: segments from the newest range down (passing by those seen before `since:`), their matching ids
    /// gathered a window at a time and read from items in batches across segments, with the filters in SQL. Each window
    /// is one statement that lists its segments and reads their blocks, so it sees one state of the index without a
    /// transaction (two round trips fewer than one would cost, on every search).
    /// </summary>
    public async IAsyncEnumerable<ArchivedItem> CandidatesAsync(SearchExpression? restriction, SearchFilters filters,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var (where, sources, parameters) = FilterSql(filters);
        int left = ArchiveSearch.MaxExamined + 1;
        // A restriction that narrows nothing (a prefix of too many words) reads the items table as no restriction does.
        var query = restriction is null ? KeyQuery.Everything : KeyQuery.Compile(restriction, prefix => SearchWords.Expand(connection, prefix));
        if (query == KeyQuery.Everything)
        {
            // In pages: a search that stops early (a NOT-only query keeps most items) must not have had 2,001 rows sent.
            for (var (below, page) = (long.MaxValue, FirstBatch); left > 0; page = Math.Min(MaxBatch, page * 2))
            {
                int asked = Math.Min(page, left), read = 0;
                await using var newest = Db.Command(connection,
                    $"SELECT {Columns} FROM items i WHERE i.id < @below{where}{sources("i.id")} ORDER BY i.id DESC LIMIT @page",
                    [.. parameters, ("below", below), ("page", asked)]);
                await foreach (var item in ArchivedItemRows.ReadAsync(newest, ArchivedItemRows.LenientLink, cancellationToken))
                {
                    (below, read) = (item.Id, read + 1);
                    yield return item;
                    if (--left == 0) yield break;
                }
                if (read < asked) yield break;
            }
            yield break;
        }
        var window = new SegmentWindow(query, filters.Since is { } since ? Db.Ms(since) : long.MinValue);
        var pending = new List<long>(); // matching ids not read yet, newest first
        int batch = FirstBatch;
        for (long items = FirstWindowItems; left > 0 && (window.More || pending.Count > 0); items = long.MaxValue)
        {
            if (window.More) pending.AddRange(await window.NextAsync(connection, items, cancellationToken));
            // Full batches while a window remains (a small one would cost a round trip for little), the rest after the last.
            while (left > 0 && (pending.Count >= batch || (!window.More && pending.Count > 0)))
            {
                var fetch = pending.GetRange(0, Math.Min(batch, pending.Count));
                pending.RemoveRange(0, fetch.Count);
                batch = Math.Min(MaxBatch, batch * 2);
                // Sources are tested on the ids, from sightings' primary key alone, before any item row is read: a source
                // that holds few of a term's matches made the search read thousands of rows to keep 200.
                await using var command = Db.Command(connection, $"""
                    SELECT {Columns} FROM items i
                    WHERE i.id IN (SELECT c.id FROM unnest(@ids) AS c(id) WHERE true{sources("c.id")}){where} ORDER BY i.id DESC
                    """, [.. parameters, ("ids", fetch.ToArray())]);
                await foreach (var item in ArchivedItemRows.ReadAsync(command, ArchivedItemRows.LenientLink, cancellationToken))
                {
                    yield return item;
                    if (--left == 0) yield break;
                }
            }
        }
    }

    /// <summary>How many indexed items a restriction lets through (for the benchmark's selectivity column).</summary>
    internal static async Task<long> CountAsync(PostgresDatabase database, SearchExpression restriction, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var window = new SegmentWindow(KeyQuery.Compile(restriction, prefix => SearchWords.Expand(connection, prefix)), long.MinValue);
        return (await window.NextAsync(connection, long.MaxValue, cancellationToken)).Count;
    }

    /// <summary>
    /// Filters as SQL, as the rule matcher reads them (values arrive lower-cased): on the item `i`, and the sources apart,
    /// on an id column given. A source is any feed that carried the item: every stored item has a sighting of the feed
    /// that first saw it (both stores' writers record it with the item; export and import copy sightings), so sightings
    /// alone decide, from their primary key.
    /// </summary>
    static (string Where, Func<string, string> Sources, (string, object?)[] Parameters) FilterSql(SearchFilters filters)
    {
        var where = new StringBuilder();
        var sources = new List<string>();
        var parameters = new List<(string, object?)>();
        if (filters.Since is { } since)
        {
            where.Append(" AND LEAST(i.published_at, i.first_seen_at) >= @since"); // ArchivedItem.Dated: never after the first sighting, so the segment window stays safe
            parameters.Add(("since", Db.Ms(since)));
        }
        for (int n = 0; n < filters.Sources.Count; n++)
        {
            var (value, prefix) = filters.Sources[n];
            var test = prefix ? $"starts_with(g.feed_id, @source{n})" : $"g.feed_id = @source{n}";
            sources.Add(test);
            parameters.Add(($"source{n}", value));
        }
        for (int n = 0; n < filters.Languages.Count; n++)
        {
            where.Append($" AND starts_with(lower(i.language), @lang{n})");
            parameters.Add(($"lang{n}", filters.Languages[n]));
        }
        return (where.ToString(), id => string.Concat(sources.Select(test => $" AND EXISTS (SELECT 1 FROM sightings g WHERE g.item_id = {id} AND {test})")),
            parameters.ToArray());
    }
}
