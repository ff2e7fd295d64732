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

    public async IAsyncEnumerable<ArchivedItem> CandidatesAsync(SearchExpression? restriction, SearchFilters filters,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var (where, parameters) = await FilterSqlAsync(connection, filters, restriction is null ? "i.id" : "s.item_id", cancellationToken);
        await using var command = restriction is null
            ? PgSql.Command(connection, $"SELECT {Columns} FROM items i WHERE true{where} ORDER BY i.id DESC LIMIT @cap", parameters)
            : PgSql.Command(connection, $"""
                SELECT {Columns} FROM search_index s JOIN items i ON i.id = s.item_id
                WHERE s.words @@ @query::tsquery{where} ORDER BY s.item_id DESC LIMIT @cap
                """, [.. parameters, ("query", TsText.Query(restriction))]);
        command.Parameters.AddWithValue("cap", ArchiveSearch.MaxExamined + 1);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new ArchivedItem(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), PgSql.Text(reader, 4),
                PgSql.Text(reader, 5) is { } url && Uri.TryCreate(url, UriKind.Absolute, out var link) ? link : null,
                PgSql.Time(reader, 6), PgSql.Time(reader, 7)!.Value, reader.GetBoolean(8));
        }
    }

    /// <summary>Filters as SQL, as the rule matcher reads them (values arrive lower-cased); `since` also bounds the ids.</summary>
    static async Task<(string Where, (string, object?)[] Parameters)> FilterSqlAsync(NpgsqlConnection connection, SearchFilters filters,
        string id, CancellationToken cancellationToken)
    {
        var where = new StringBuilder();
        var parameters = new List<(string, object?)>();
        if (filters.Since is { } since)
        {
            // Ids grow with time but polls finish out of order: the bound is an hour loose, the exact test follows it.
            var minId = await PgSql.Scalar(connection, "SELECT min(id) FROM items WHERE first_seen_at >= @loose", cancellationToken,
                ("loose", PgSql.Ms(since - TimeSpan.FromHours(1)))) is long first ? first : long.MaxValue;
            where.Append($" AND {id} >= @min_id AND i.first_seen_at >= @since");
            parameters.Add(("min_id", minId));
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
        return (where.ToString(), parameters.ToArray());
    }
}
