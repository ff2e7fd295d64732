using System.Data.Common;
using BorderAlerts.Core.Storage;

namespace BorderAlerts.Storage;

/// <summary>
/// Writes a poll's outcome onto the feed row and ends its lease, only if the lease is still this poll's: a poller
/// that overran its lease (and whose feed another poller took) does not overwrite the newer record. One SQL for both
/// stores: `true` is 1 on SQLite, and the CASTs type the found count for PostgreSQL when it is null.
/// </summary>
internal static class FeedHealthWriter
{
    public static Task RecordAsync(DbConnection connection, PollCompletion c, PollCommit commit, CancellationToken cancellationToken)
    {
        var at = Db.Ms(c.At);
        return c.Status switch
        {
            PollStatus.Failed => Db.Run(connection, """
                UPDATE feeds SET lease_until = NULL, last_attempt_at = @at, next_poll_at = @next,
                    consecutive_failures = consecutive_failures + 1, last_error = @error, last_status = @status
                WHERE id = @id AND lease_until = @lease
                """, cancellationToken, ("id", c.FeedId), ("lease", c.Lease), ("at", at), ("next", Db.Ms(c.NextPollAt)), ("error", c.Error),
                ("status", c.HttpStatus)),
            // A push is not a poll: the feed's schedule, validators and health stay as its last poll left them.
            PollStatus.Pushed => Db.Run(connection, """
                UPDATE feeds SET lease_until = NULL, last_new_item_at = CASE WHEN @new > 0 THEN @at ELSE last_new_item_at END
                WHERE id = @id AND lease_until = @lease
                """, cancellationToken, ("id", c.FeedId), ("lease", c.Lease), ("at", at), ("new", commit.NewItems.Count)),
            PollStatus.NotModified => Db.Run(connection, """
                UPDATE feeds SET lease_until = NULL, last_attempt_at = @at, last_success_at = @at, next_poll_at = @next,
                    consecutive_failures = 0, last_status = 304
                WHERE id = @id AND lease_until = @lease
                """, cancellationToken, ("id", c.FeedId), ("lease", c.Lease), ("at", at), ("next", Db.Ms(c.NextPollAt))),
            _ => Db.Run(connection, """
                UPDATE feeds SET lease_until = NULL, last_attempt_at = @at, last_success_at = @at, next_poll_at = @next,
                    consecutive_failures = 0, last_status = @status, etag = @etag, last_modified = @modified,
                    seeded = CASE WHEN CAST(@found AS integer) > 0 THEN true ELSE seeded END, last_items_found = CAST(@found AS integer),
                    last_new_item_at = CASE WHEN @new > 0 THEN @at ELSE last_new_item_at END
                WHERE id = @id AND lease_until = @lease
                """, cancellationToken, ("id", c.FeedId), ("lease", c.Lease), ("at", at), ("next", Db.Ms(c.NextPollAt)), ("status", c.HttpStatus),
                ("etag", c.ETag), ("modified", c.LastModified), ("found", c.ItemsFound), ("new", commit.NewItems.Count)),
        };
    }
}
