using System.Data;
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
/// A search reads ready segments newest first in one snapshot, looking up every key of a window of segments in one
/// statement (a round trip costs what SQLite's whole lookup does), then fetches the candidates from items.
/// </summary>
public sealed class PostgresSearchIndex(PostgresDatabase database) : ISearchIndex
{
    const string Columns = "i.id, i.first_feed_id, i.title, i.text, i.language, i.url, i.published_at, i.first_seen_at, i.alertable";

    /// <summary>Segments looked up per statement: the first window, doubled for each one after.</summary>
    const int FirstWindow = 2;

    /// <summary>Candidates fetched per statement: the first batch, doubled up to <see cref="MaxBatch"/>.</summary>
    const int FirstBatch = 64, MaxBatch = 512;

    /// <summary>
    /// Indexes items (any order) in the caller's transaction as one new segment (more past <see cref="PostingsBuilder.MaxItems"/>
    /// items). The caller holds the identity lock, so segments commit in the order of their ids.
    /// </summary>
    public static async Task AddAsync(NpgsqlConnection connection, PostgresDatabase database, IReadOnlyList<(long Id, ItemTokens Tokens)> items,
        CancellationToken cancellationToken)
    {
        if (items.Count == 0) return;
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var chunk in items.OrderBy(i => i.Id).Chunk(PostingsBuilder.MaxItems))
        {
            var postings = new PostingsBuilder();
            foreach (var (id, tokens) in chunk) postings.Add(id, tokens);
            var segment = SegmentTables.Create(connection, 0, postings.FirstId, postings.LastId, postings.Items, ready: true);
            var blocks = new List<PostingBlock>();
            postings.WriteTo(new PostingBlockWriter(blocks.Add));
            // One statement per segment: a round trip per block was most of a poll's index time.
            await PgSql.Run(connection, "INSERT INTO search_blocks (segment, first_key, data) SELECT @segment, k, d FROM unnest(@keys, @data) AS b(k, d)",
                cancellationToken, ("segment", segment), ("keys", blocks.Select(b => b.FirstKey).ToArray()), ("data", blocks.Select(b => b.Data).ToArray()));
            await database.SearchWords.AddAsync(connection, postings.LatinWords, cancellationToken);
        }
        database.SearchMerger.Nudge();
    }

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
            await PgSql.Run(connection, "SELECT pg_advisory_xact_lock(@key)", cancellationToken, ("key", PostgresItemWriter.IdentityLock));
            var batch = new List<(long, ItemTokens)>();
            await using (var read = PgSql.Command(connection, """
                SELECT id, title, text FROM items
                WHERE id > coalesce((SELECT max(last_item) FROM search_segments), 0) ORDER BY id LIMIT 1000
                """))
            await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
                while (await reader.ReadAsync(cancellationToken)) batch.Add((reader.GetInt64(0), ItemTokens.Of(reader.GetString(1), reader.GetString(2))));
            if (batch.Count == 0) return;
            await AddAsync(connection, database, batch, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
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
        await using var snapshot = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var (where, parameters, floor) = await FilterSqlAsync(connection, filters, cancellationToken);
        int left = ArchiveSearch.MaxExamined + 1;
        // A restriction that narrows nothing (a prefix of too many words) reads the items table as no restriction does.
        var query = restriction is null ? KeyQuery.Everything : KeyQuery.Compile(restriction, prefix => SearchWords.Expand(connection, prefix));
        if (query == KeyQuery.Everything)
        {
            await using var all = PgSql.Command(connection, $"SELECT {Columns} FROM items i WHERE true{where} ORDER BY i.id DESC LIMIT @cap",
                [.. parameters, ("cap", left)]);
            await foreach (var item in ReadAsync(all, cancellationToken)) yield return item;
            yield break;
        }
        var keys = query.Keys().ToArray();
        var segments = SegmentTables.List(connection).Where(s => s.LastItem > floor).ToList();
        int batch = FirstBatch;
        for (int start = 0, window = FirstWindow; start < segments.Count && left > 0; start += window, window *= 2)
        {
            var slice = segments.Skip(start).Take(window).ToList();
            var found = await LookupAsync(connection, slice, keys, cancellationToken);
            foreach (var segment in slice)
            {
                var ids = query.Evaluate(key => found.TryGetValue((segment.Id, key), out var list) ? list : [],
                    () => Enumerable.Range(0, checked((int)(segment.LastItem - segment.FirstItem + 1))).Select(n => segment.FirstItem + n).ToList());
                for (int end = ids.Count; end > 0 && ids[end - 1] > floor && left > 0; end -= batch, batch = Math.Min(MaxBatch, batch * 2))
                {
                    var fetch = ids.GetRange(Math.Max(0, end - batch), Math.Min(batch, end)).Where(id => id > floor).ToArray();
                    await using var command = PgSql.Command(connection, $"SELECT {Columns} FROM items i WHERE i.id = ANY(@ids){where} ORDER BY i.id DESC",
                        [.. parameters, ("ids", fetch)]);
                    await foreach (var item in ReadAsync(command, cancellationToken))
                    {
                        yield return item;
                        if (--left == 0) yield break;
                    }
                }
            }
        }
    }

    /// <summary>Every (segment, key) pair's ids, from one statement: each pair reads the one block that can hold the key.</summary>
    static async Task<Dictionary<(long Segment, long Key), List<long>>> LookupAsync(NpgsqlConnection connection, List<SegmentInfo> segments,
        long[] keys, CancellationToken cancellationToken)
    {
        await using var command = PgSql.Command(connection, """
            SELECT p.segment, p.key, b.first_key, b.data FROM unnest(@segments, @keys) AS p(segment, key)
            CROSS JOIN LATERAL (SELECT first_key, data FROM search_blocks
                WHERE segment = p.segment AND first_key <= p.key ORDER BY first_key DESC LIMIT 1) b
            """, ("segments", segments.SelectMany(s => keys.Select(_ => s.Id)).ToArray()),
            ("keys", segments.SelectMany(_ => keys).ToArray()));
        var found = new Dictionary<(long, long), List<long>>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var ids = new List<long>();
            var key = reader.GetInt64(1);
            if (PostingBlockReader.Find(new PostingBlock(reader.GetInt64(2), (byte[])reader.GetValue(3)), key, ids)) found[(reader.GetInt64(0), key)] = ids;
        }
        return found;
    }

    /// <summary>How many indexed items a restriction lets through (for the benchmark's selectivity column).</summary>
    internal static async Task<long> CountAsync(PostgresDatabase database, SearchExpression restriction, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var snapshot = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var query = KeyQuery.Compile(restriction, prefix => SearchWords.Expand(connection, prefix));
        var segments = SegmentTables.List(connection);
        var found = await LookupAsync(connection, segments, query.Keys().ToArray(), cancellationToken);
        return segments.Sum(segment => (long)query.Evaluate(key => found.TryGetValue((segment.Id, key), out var list) ? list : [],
            () => Enumerable.Range(0, checked((int)(segment.LastItem - segment.FirstItem + 1))).Select(n => segment.FirstItem + n).ToList()).Count);
    }

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
        CancellationToken cancellationToken)
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
            where.Append(" AND i.id >= @min_id AND i.first_seen_at >= @since");
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
