using System.Runtime.CompilerServices;
using BorderAlerts.Core.Search;
using BorderAlerts.Core.Storage;
using Microsoft.Data.Sqlite;

namespace BorderAlerts.Storage.Sqlite;

/// <summary>
/// Archive search on SQLite FTS5. Each item is indexed in the transaction that stores it; candidates stream newest
/// first (FTS5 walks its row ids backwards), so a search reads only as far as it needs.
/// </summary>
public sealed class SqliteSearchIndex(SqliteDatabase database) : ISearchIndex
{
    const string Columns = "i.id, i.first_feed_id, i.title, i.text, i.language, i.url, i.published_at, i.first_seen_at, i.alertable";

    /// <summary>Rows one INSERT statement carries (5 parameters each, well under SQLite's 32,766).</summary>
    const int RowsPerStatement = 100;

    /// <summary>
    /// Indexes items in the caller's transaction, with one INSERT per <see cref="RowsPerStatement"/> items. FTS5 writes
    /// its pending terms to disk as a new segment at every statement savepoint, and SQLite opens one for each INSERT into
    /// the index (and for any statement checking a foreign key), so indexing an item at a time, between the item's other
    /// writes, made one segment per item and most of the ingest time went to merging them (docs/benchmarks.md, "Archive
    /// search"). Call it after the transaction's other writes: the poll's items then become one segment.
    /// </summary>
    public static async Task AddAsync(SqliteConnection connection, IReadOnlyList<(long Id, string Title, string Text)> items,
        CancellationToken cancellationToken)
    {
        for (int start = 0; start < items.Count; start += RowsPerStatement)
        {
            var chunk = items.Skip(start).Take(RowsPerStatement).ToList();
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO search_index (rowid, title_w, text_w, title_u, text_u) VALUES "
                + string.Join(", ", chunk.Select((_, n) => $"($id{n}, $tw{n}, $xw{n}, $tu{n}, $xu{n})"));
            for (int n = 0; n < chunk.Count; n++)
            {
                var (id, title, text) = chunk[n];
                var (titleWords, titleUnigrams) = SearchTokens.ForDocument(title);
                var (textWords, textUnigrams) = SearchTokens.ForDocument(text);
                insert.Parameters.AddWithValue($"$id{n}", id);
                insert.Parameters.AddWithValue($"$tw{n}", titleWords);
                insert.Parameters.AddWithValue($"$xw{n}", textWords);
                insert.Parameters.AddWithValue($"$tu{n}", titleUnigrams);
                insert.Parameters.AddWithValue($"$xu{n}", textUnigrams);
            }
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Indexes items stored before the index existed (after the migration that created it), in batches.</summary>
    public static async Task BackfillAsync(SqliteDatabase database, CancellationToken cancellationToken)
    {
        while (true)
        {
            await database.WriteLock.WaitAsync(cancellationToken);
            try
            {
                await using var connection = await database.OpenAsync(cancellationToken);
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                var batch = new List<(long, string, string)>();
                await using (var read = Sql.Command(connection, """
                    SELECT id, title, text FROM items
                    WHERE id > coalesce((SELECT rowid FROM search_index ORDER BY rowid DESC LIMIT 1), 0) ORDER BY id LIMIT 1000
                    """))
                await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
                    while (await reader.ReadAsync(cancellationToken)) batch.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
                if (batch.Count == 0) return;
                await AddAsync(connection, batch, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            finally { database.WriteLock.Release(); }
        }
    }

    /// <summary>
    /// The index only narrows and orders by row id (newest first): no bm25, whose document frequencies cost a pass over the
    /// whole posting list of every query term (4 ms for a common character at 100,000 items, growing with the archive).
    /// CROSS JOIN keeps the index as the outer loop, so filters are checked on its rows as they stream.
    /// </summary>
    public async IAsyncEnumerable<ArchivedItem> CandidatesAsync(SearchExpression? restriction, SearchFilters filters,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var (where, parameters) = await FilterSqlAsync(connection, filters, restriction is null ? "i.id" : "s.rowid", cancellationToken);
        await using var command = restriction is null
            ? Sql.Command(connection, $"SELECT {Columns} FROM items i WHERE 1 = 1{where} ORDER BY i.id DESC LIMIT $cap", parameters)
            : Sql.Command(connection, $"""
                SELECT {Columns} FROM search_index s CROSS JOIN items i ON i.id = s.rowid
                WHERE search_index MATCH $match{where} ORDER BY s.rowid DESC LIMIT $cap
                """, [.. parameters, ("$match", Fts5Query.Render(restriction))]);
        command.Parameters.AddWithValue("$cap", ArchiveSearch.MaxExamined + 1);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new ArchivedItem(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), Sql.Text(reader, 4),
                Sql.Text(reader, 5) is { } url && Uri.TryCreate(url, UriKind.Absolute, out var link) ? link : null,
                Sql.Time(reader, 6), Sql.Time(reader, 7)!.Value, reader.GetBoolean(8));
        }
    }

    /// <summary>Filters as SQL; `since` also becomes a row-id bound, which FTS5 applies while it walks.</summary>
    static async Task<(string Where, (string, object?)[] Parameters)> FilterSqlAsync(SqliteConnection connection, SearchFilters filters,
        string rowid, CancellationToken cancellationToken)
    {
        var where = new System.Text.StringBuilder();
        var parameters = new List<(string, object?)>();
        if (filters.Since is { } since)
        {
            // Ids grow with time but polls finish out of order: the bound is an hour loose, the exact test follows it.
            // INDEXED BY: left to itself SQLite answers min(id) by walking the table from its first row until one is recent
            // enough (90 ms for `since:7d` at 100,000 items over a year; linear in the archive).
            await using var first = Sql.Command(connection, "SELECT min(id) FROM items INDEXED BY items_first_seen WHERE first_seen_at >= $loose",
                ("$loose", Sql.Ms(since - TimeSpan.FromHours(1))));
            var minId = await first.ExecuteScalarAsync(cancellationToken) is long id ? id : long.MaxValue;
            where.Append($" AND {rowid} >= $min_id AND i.first_seen_at >= $since");
            parameters.Add(("$min_id", minId));
            parameters.Add(("$since", Sql.Ms(since)));
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
        return (where.ToString(), parameters.ToArray());
    }
}
