using BorderAlerts.Core.Feeds;
using BorderAlerts.Core.Storage;
// The shared Db helper under the name this file used before, so the claim's text is left as it was.

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
            await Db.Run(connection, "UPDATE feeds SET enabled = false WHERE enabled AND NOT (id = ANY(@ids))", cancellationToken, ("ids", ids));
            // Rows that did not change are left alone, so instances syncing the same catalog do not queue on each other.
            await Db.Run(connection, """
                INSERT INTO feeds AS f (id, url, enabled, next_poll_at, created_at)
                SELECT id, url, enabled, @now, @now FROM unnest(@ids, @urls, @enabled) AS c(id, url, enabled) ORDER BY id
                ON CONFLICT (id) DO UPDATE SET enabled = excluded.enabled,
                    etag = CASE WHEN f.url = excluded.url THEN f.etag END,
                    last_modified = CASE WHEN f.url = excluded.url THEN f.last_modified END,
                    seeded = CASE WHEN f.url = excluded.url THEN f.seeded ELSE false END,
                    url = excluded.url
                WHERE f.enabled IS DISTINCT FROM excluded.enabled OR f.url IS DISTINCT FROM excluded.url
                """, cancellationToken, ("now", Db.Ms(now)), ("ids", ids), ("urls", feeds.Select(f => f.Url.ToString()).ToArray()),
                ("enabled", feeds.Select(f => f.Enabled).ToArray()));
            await transaction.CommitAsync(cancellationToken);
        });

    /// <summary>
    /// Leases the named feeds, or this instance's share of the due ones: due ÷ live instances (counted from the
    /// instances' heartbeats), so each instance takes about as much as the others whenever its pass happens to tick, and
    /// the rest waits for their passes. With no live instance (the CLI, tests) the share is everything due.
    /// </summary>
    public async Task<IReadOnlyList<FeedState>> ClaimAsync(ClaimRequest request, CancellationToken cancellationToken)
    {
        const string Free = "(lease_until IS NULL OR lease_until <= @now)";
        var (which, limit) = request.FeedIds is null
            ? ("enabled AND next_poll_at <= @now ORDER BY next_poll_at", $"""
                least(@max, (SELECT ceil(count(*) / greatest(1.0, (SELECT count(*) FROM instances
                    WHERE beat_at > @live)))::integer FROM feeds WHERE {Free} AND enabled AND next_poll_at <= @now))
                """)
            : ("id = ANY(@ids) ORDER BY id", "@max");
        var lease = Db.Ms(request.Now + request.Lease);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Db.Command(connection, $"""
            UPDATE feeds f SET lease_until = @until
            FROM (SELECT id FROM feeds WHERE {Free} AND {which} LIMIT {limit} FOR UPDATE SKIP LOCKED) due
            WHERE f.id = due.id
            RETURNING f.id, f.etag, f.last_modified, f.seeded, f.consecutive_failures, f.next_poll_at
            """, ("now", Db.Ms(request.Now)), ("until", lease), ("max", request.Max), ("ids", request.FeedIds?.ToArray() ?? []),
            ("live", Db.Ms(request.Now - IInstanceHeartbeats.LiveWithin)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var claimed = new List<FeedState>();
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new FeedState(reader.GetString(0), Db.Text(reader, 1), Db.Text(reader, 2), reader.GetBoolean(3),
                reader.GetInt32(4), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5))) { Lease = lease });
        }
        return claimed;
    }

    public Task<IReadOnlyList<PollCommit>> CompleteAsync(IReadOnlyList<PollCompletion> completions, CancellationToken cancellationToken) =>
        PostgresPollRecorder.RecordAsync(database, completions, cancellationToken);
}
