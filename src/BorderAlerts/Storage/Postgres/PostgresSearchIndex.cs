using System.Runtime.CompilerServices;
using System.Text;
using BorderAlerts.Core.Search;
using BorderAlerts.Core.Storage;
using Npgsql;

namespace BorderAlerts.Storage.Postgres;

/// <summary>
/// Archive search on PostgreSQL: one tsvector per item (<see cref="TsText"/>) under a GIN index, written in the
/// transaction that stores the items. Candidates stream newest first; relevance comes from the exact check.
/// </summary>
public sealed class PostgresSearchIndex(PostgresDatabase database) : ISearchIndex
{
    const string Columns = "i.id, i.first_feed_id, i.title, i.text, i.language, i.url, i.published_at, i.first_seen_at, i.alertable";

    /// <summary>
    /// Title 3:1 over text as on SQLite (weights are D, C, B, A), normalised by length; times 10 puts it in the range of
    /// FTS5's bm25, so recency damps both stores' scores alike.
    /// </summary>

    /// <summary>Indexes items in one statement, inside the caller's transaction; an item already indexed is left alone.</summary>
    public static Task AddAsync(NpgsqlConnection connection, IReadOnlyList<(long Id, string Title, string Text)> items, CancellationToken cancellationToken) =>
        items.Count == 0 ? Task.CompletedTask : PgSql.Run(connection, """
            INSERT INTO search_index (item_id, words) SELECT id, words::tsvector FROM unnest(@ids, @words) AS d(id, words)
            ON CONFLICT (item_id) DO NOTHING
            """, cancellationToken,
            ("ids", items.Select(i => i.Id).ToArray()), ("words", items.Select(i => TsText.Document(i.Title, i.Text)).ToArray()));

    /// <summary>
    /// Indexes items stored before the index existed, in batches. The migrator runs it under its lock, so one instance
    /// does the work; items written meanwhile are indexed by their own transaction.
    /// </summary>
    public static async Task BackfillAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        for (long after = 0; ;)
        {
            var batch = new List<(long, string, string)>();
            await using (var read = PgSql.Command(connection, """
                SELECT i.id, i.title, i.text FROM items i
                WHERE i.id > @after AND NOT EXISTS (SELECT 1 FROM search_index s WHERE s.item_id = i.id) ORDER BY i.id LIMIT 1000
                """, ("after", after)))
            await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
                while (await reader.ReadAsync(cancellationToken)) batch.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
            if (batch.Count == 0) return;
            await AddAsync(connection, batch, cancellationToken);
            after = batch[^1].Item1;
        }
    }

    /// <summary>
    /// Candidates newest first. With a restriction they are read in windows of ids, newest first, each wider than the
    /// last by what the last one's matches suggest, at most <see cref="Page"/> rows per statement: one statement over
    /// the whole archive would collect and sort every match of a common term (国 is in half the items) to return the
    /// newest 2,001, where the search reads about 200. In a window PostgreSQL intersects the GIN matches with the id range and visits only rows in it.
    /// </summary>
    public async IAsyncEnumerable<ArchivedItem> CandidatesAsync(SearchExpression? restriction, SearchFilters filters,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var (where, parameters, floor) = await FilterSqlAsync(connection, filters, restriction is null ? "i.id" : "s.item_id", cancellationToken);
        if (restriction is null)
        {
            await using var all = PgSql.Command(connection, $"SELECT {Columns} FROM items i WHERE true{where} ORDER BY i.id DESC LIMIT @cap",
                [.. parameters, ("cap", ArchiveSearch.MaxExamined + 1)]);
            await foreach (var item in ReadAsync(all, cancellationToken)) yield return item;
            yield break;
        }
        var query = TsText.Query(restriction);
        // Filters on the item are tested before the page is cut, so a full page still means "maybe more in this window".
        var onItem = where.Length == 0 ? "" : $" AND EXISTS (SELECT 1 FROM items i WHERE i.id = s.item_id{where})";
        int left = ArchiveSearch.MaxExamined + 1;
        var top = await PgSql.Scalar(connection, "SELECT max(item_id) FROM search_index", cancellationToken) as long? ?? 0;
        for (long high = top, width = FirstWindow; high > floor && left > 0;)
        {
            long low = Math.Max(floor, high - width), last = high + 1;
            int page = Math.Min(Page, left), read = 0;
            // "+ 0": no plan that walks the primary key backwards testing every row's tsvector until the page is full,
            // which PostgreSQL picks for a wide window expecting matches to come soon, and which reads the whole window
            // (each tsvector detoasted) for a rare term. It sorts the window's matches instead, from the GIN index or the
            // id range, whichever it estimates cheaper; the items are read for the page alone.
            await using (var window = PgSql.Command(connection, $"""
                SELECT {Columns} FROM items i JOIN (
                    SELECT s.item_id FROM search_index s
                    WHERE s.words @@ @query::tsquery AND s.item_id > @low AND s.item_id <= @high{onItem}
                    ORDER BY s.item_id + 0 DESC LIMIT @page) m ON i.id = m.item_id
                ORDER BY i.id DESC
                """, [.. parameters, ("query", query), ("low", low), ("high", high), ("page", page)]))
                await foreach (var item in ReadAsync(window, cancellationToken))
                {
                    (last, read, left) = (item.Id, read + 1, left - 1);
                    yield return item;
                }
            // A full page: the rest of this window next. Otherwise the window below, as wide as should hold two pages
            // at the density this one had (at least twice as wide); all the rest at once when this one held none.
            (high, width) = read == page ? (last - 1, width) : (low, Wider(width, read));
        }
    }

    const int FirstWindow = 1024, Page = 250;

    static long Wider(long width, int read) =>
        read == 0 || width > long.MaxValue / 1000 ? long.MaxValue / 4 : width * Math.Max(2, 2L * Page / read);

    static async IAsyncEnumerable<ArchivedItem> ReadAsync(NpgsqlCommand command, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new ArchivedItem(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), PgSql.Text(reader, 4),
                PgSql.Text(reader, 5) is { } url && Uri.TryCreate(url, UriKind.Absolute, out var link) ? link : null,
                PgSql.Time(reader, 6), PgSql.Time(reader, 7)!.Value, reader.GetBoolean(8));
        }
    }

    /// <summary>Filters as SQL, as the rule matcher reads them (values arrive lower-cased); `since` also bounds the ids.</summary>
    static async Task<(string Where, (string, object?)[] Parameters, long Floor)> FilterSqlAsync(NpgsqlConnection connection, SearchFilters filters,
        string id, CancellationToken cancellationToken)
    {
        var where = new StringBuilder();
        var parameters = new List<(string, object?)>();
        long floor = 0;
        if (filters.Since is { } since)
        {
            // Ids grow with time but polls finish out of order: the bound is an hour loose, the exact test follows it.
            // "id + 0" keeps PostgreSQL from answering min(id) by walking the primary key from the oldest item until one
            // is recent enough (1.5 s for since:7d at 100,000 items): it reads the recent rows from items_first_seen.
            var minId = await PgSql.Scalar(connection, "SELECT min(id + 0) FROM items WHERE first_seen_at >= @loose", cancellationToken,
                ("loose", PgSql.Ms(since - TimeSpan.FromHours(1)))) is long first ? first : long.MaxValue;
            where.Append($" AND {id} >= @min_id AND i.first_seen_at >= @since");
            parameters.Add(("min_id", minId));
            floor = minId == long.MaxValue ? long.MaxValue : minId - 1;
            parameters.Add(("since", PgSql.Ms(since)));
        }
        for (int n = 0; n < filters.Sources.Count; n++)
        {
            var (value, prefix) = filters.Sources[n];
            string Test(string column) => prefix ? $"starts_with({column}, @source{n})" : $"{column} = @source{n}";
            where.Append($" AND ({Test("i.first_feed_id")} OR EXISTS (SELECT 1 FROM sightings g WHERE g.item_id = i.id AND {Test("g.feed_id")}))");
            parameters.Add(($"source{n}", value));
        }
        for (int n = 0; n < filters.Languages.Count; n++)
        {
            where.Append($" AND starts_with(lower(i.language), @lang{n})");
            parameters.Add(($"lang{n}", filters.Languages[n]));
        }
        return (where.ToString(), parameters.ToArray(), floor);
    }
}
