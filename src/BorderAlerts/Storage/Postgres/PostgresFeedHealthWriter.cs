using BorderAlerts.Core.Storage;
using Npgsql;

namespace BorderAlerts.Storage.Postgres;

/// <summary>
/// Writes a poll's outcome onto the feed row and ends its lease, only if the lease is still this poll's: a poller
/// that overran its lease (and whose feed another instance took) does not overwrite the newer record.
/// </summary>
internal static class PostgresFeedHealthWriter
{
    public static Task RecordAsync(NpgsqlConnection connection, PollCompletion c, PollCommit commit, CancellationToken cancellationToken)
    {
        var at = PgSql.Ms(c.At);
        return c.Status switch
        {
            PollStatus.Failed => PgSql.Run(connection, """
                UPDATE feeds SET lease_until = NULL, last_attempt_at = @at, next_poll_at = @next,
                    consecutive_failures = consecutive_failures + 1, last_error = @error, last_status = @status
                WHERE id = @id AND lease_until = @lease
                """, cancellationToken, ("id", c.FeedId), ("lease", c.Lease), ("at", at), ("next", PgSql.Ms(c.NextPollAt)), ("error", c.Error),
                ("status", c.HttpStatus)),
            PollStatus.NotModified => PgSql.Run(connection, """
                UPDATE feeds SET lease_until = NULL, last_attempt_at = @at, last_success_at = @at, next_poll_at = @next,
                    consecutive_failures = 0, last_status = 304
                WHERE id = @id AND lease_until = @lease
                """, cancellationToken, ("id", c.FeedId), ("lease", c.Lease), ("at", at), ("next", PgSql.Ms(c.NextPollAt))),
            _ => PgSql.Run(connection, """
                UPDATE feeds SET lease_until = NULL, last_attempt_at = @at, last_success_at = @at, next_poll_at = @next,
                    consecutive_failures = 0, last_status = @status, etag = @etag, last_modified = @modified,
                    seeded = seeded OR COALESCE(@found::integer, 0) > 0, last_items_found = @found::integer,
                    last_new_item_at = CASE WHEN @new > 0 THEN @at ELSE last_new_item_at END
                WHERE id = @id AND lease_until = @lease
                """, cancellationToken, ("id", c.FeedId), ("lease", c.Lease), ("at", at), ("next", PgSql.Ms(c.NextPollAt)), ("status", c.HttpStatus),
                ("etag", c.ETag), ("modified", c.LastModified), ("found", c.ItemsFound), ("new", commit.NewItems.Count)),
        };
    }
}
