using BorderAlerts.Core.Feeds;
using BorderAlerts.Core.Storage;

namespace BorderAlerts.Storage.Postgres;

/// <summary>
/// Feed rows, leases and poll outcomes on PostgreSQL. Claims lock the due rows with FOR UPDATE SKIP LOCKED, so
/// instances claiming at once take disjoint feeds, and a row another instance has just claimed and committed is
/// re-checked against its new lease and skipped: each feed is fetched once per interval, whichever instance runs.
/// </summary>
public sealed class PostgresPollStore(PostgresDatabase database) : IPollStore
{
    public Task SyncFeedsAsync(IReadOnlyList<FeedDefinition> feeds, DateTimeOffset now, CancellationToken cancellationToken) =>
        PostgresRetry.RunAsync(async () =>
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var ids = feeds.Select(f => f.Id).ToArray();
            await PgSql.Run(connection, "UPDATE feeds SET enabled = false WHERE enabled AND NOT (id = ANY(@ids))", cancellationToken, ("ids", ids));
            // Rows that did not change are left alone, so instances syncing the same catalog do not queue on each other.
            await PgSql.Run(connection, """
                INSERT INTO feeds AS f (id, url, enabled, next_poll_at, created_at)
                SELECT id, url, enabled, @now, @now FROM unnest(@ids, @urls, @enabled) AS c(id, url, enabled) ORDER BY id
                ON CONFLICT (id) DO UPDATE SET enabled = excluded.enabled,
                    etag = CASE WHEN f.url = excluded.url THEN f.etag END,
                    last_modified = CASE WHEN f.url = excluded.url THEN f.last_modified END,
                    seeded = CASE WHEN f.url = excluded.url THEN f.seeded ELSE false END,
                    url = excluded.url
                WHERE f.enabled IS DISTINCT FROM excluded.enabled OR f.url IS DISTINCT FROM excluded.url
                """, cancellationToken, ("now", PgSql.Ms(now)), ("ids", ids), ("urls", feeds.Select(f => f.Url.ToString()).ToArray()),
                ("enabled", feeds.Select(f => f.Enabled).ToArray()));
            await transaction.CommitAsync(cancellationToken);
        });

    public async Task<IReadOnlyList<FeedState>> ClaimAsync(ClaimRequest request, CancellationToken cancellationToken)
    {
        var which = request.FeedIds is null ? "enabled AND next_poll_at <= @now ORDER BY next_poll_at" : "id = ANY(@ids) ORDER BY id";
        var lease = PgSql.Ms(request.Now + request.Lease);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PgSql.Command(connection, $"""
            UPDATE feeds f SET lease_until = @until
            FROM (SELECT id FROM feeds WHERE (lease_until IS NULL OR lease_until <= @now) AND {which} LIMIT @max FOR UPDATE SKIP LOCKED) due
            WHERE f.id = due.id
            RETURNING f.id, f.etag, f.last_modified, f.seeded, f.consecutive_failures, f.next_poll_at
            """, ("now", PgSql.Ms(request.Now)), ("until", lease), ("max", request.Max), ("ids", request.FeedIds?.ToArray() ?? []));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var claimed = new List<FeedState>();
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new FeedState(reader.GetString(0), PgSql.Text(reader, 1), PgSql.Text(reader, 2), reader.GetBoolean(3),
                reader.GetInt32(4), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5))) { Lease = lease });
        }
        return claimed;
    }

    public Task<PollCommit> CompleteAsync(PollCompletion completion, CancellationToken cancellationToken) =>
        PostgresRetry.RunAsync(async () =>
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var commit = completion.Status == PollStatus.Fetched
                ? await new PostgresItemWriter(connection, completion).WriteAsync(cancellationToken)
                : new PollCommit([], 0);
            await PostgresFeedHealthWriter.RecordAsync(connection, completion, commit, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return commit;
        });
}
