using BorderAlerts.Core.Items;
using BorderAlerts.Core.Search.Postings;
using BorderAlerts.Core.Feeds;
using BorderAlerts.Core.Storage;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace BorderAlerts.Storage.Sqlite;

/// <summary>Feed rows, leases and poll outcomes on SQLite.</summary>
public sealed class SqlitePollStore(SqliteDatabase database) : IPollStore
{
    public async Task SyncFeedsAsync(IReadOnlyList<FeedDefinition> feeds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await database.WriteLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await Db.Run(connection, "UPDATE feeds SET enabled = 0", cancellationToken);
            foreach (var feed in feeds)
            {
                await Db.Run(connection, """
                    INSERT INTO feeds (id, url, enabled, next_poll_at, created_at) VALUES ($id, $url, $enabled, $now, $now)
                    ON CONFLICT (id) DO UPDATE SET enabled = excluded.enabled,
                        etag = CASE WHEN feeds.url = excluded.url THEN feeds.etag END,
                        last_modified = CASE WHEN feeds.url = excluded.url THEN feeds.last_modified END,
                        seeded = CASE WHEN feeds.url = excluded.url THEN feeds.seeded ELSE 0 END,
                        url = excluded.url
                    """, cancellationToken, ("$id", feed.Id), ("$url", feed.Url.ToString()), ("$enabled", feed.Enabled), ("$now", Db.Ms(now)));
            }
            await transaction.CommitAsync(cancellationToken);
        }
        finally { database.WriteLock.Release(); }
    }

    public async Task<IReadOnlyList<FeedState>> ClaimAsync(ClaimRequest request, CancellationToken cancellationToken)
    {
        var now = Db.Ms(request.Now);
        // Named feeds arrive as one JSON array: a variable per id would meet SQLite's variable limit, and each named
        // variable costs a lookup over all the others when bound.
        var which = request.FeedIds is null
            ? "enabled = 1 AND next_poll_at <= $now ORDER BY next_poll_at"
            : "id IN (SELECT value FROM json_each($ids)) ORDER BY id";
        var sql = $"""
            UPDATE feeds SET lease_until = $until
            WHERE id IN (SELECT id FROM feeds WHERE (lease_until IS NULL OR lease_until <= $now) AND {which} LIMIT $max)
            RETURNING id, etag, last_modified, seeded, consecutive_failures, next_poll_at
            """;
        var parameters = new List<(string, object?)> { ("$now", now), ("$until", Db.Ms(request.Now + request.Lease)), ("$max", request.Max) };
        if (request.FeedIds is not null) parameters.Add(("$ids", JsonSerializer.Serialize(request.FeedIds)));

        await database.WriteLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var command = Db.Command(connection, sql, [.. parameters]);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var claimed = new List<FeedState>();
            while (await reader.ReadAsync(cancellationToken))
            {
                claimed.Add(new FeedState(reader.GetString(0), Db.Text(reader, 1), Db.Text(reader, 2), reader.GetBoolean(3),
                    reader.GetInt32(4), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5))) { Lease = Db.Ms(request.Now + request.Lease) });
            }
            return claimed;
        }
        finally { database.WriteLock.Release(); }
    }

    /// <summary>The group in one transaction; a poll whose lease was taken over is left out whole, as on PostgreSQL.</summary>
    public async Task<IReadOnlyList<PollCommit>> CompleteAsync(IReadOnlyList<PollCompletion> completions, CancellationToken cancellationToken)
    {
        var tokens = await SqlitePreparedTokens.ForNewAsync(database,
            completions.Where(c => c.Status.CarriesItems()).SelectMany(c => c.Items).ToList(), cancellationToken);
        await database.WriteLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var indexed = new List<(long, ItemTokens)>();
            var commits = await PollGroup.RecordAsync(connection, completions, completion => HoldsAsync(connection, completion, cancellationToken),
                completion => new SqliteItemWriter(connection, completion, tokens, indexed).WriteAsync(cancellationToken), cancellationToken);
            // Last, once for the group: its new items become one index segment.
            await database.Segments.AddAsync(connection, indexed, Db.Ms(completions.Max(c => c.At)), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return commits;
        }
        finally { database.WriteLock.Release(); }
    }

    static async Task<bool> HoldsAsync(SqliteConnection connection, PollCompletion completion, CancellationToken cancellationToken)
    {
        await using var command = Db.Command(connection, "SELECT 1 FROM feeds WHERE id = $id AND lease_until = $lease",
            ("$id", completion.FeedId), ("$lease", completion.Lease));
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }
}
