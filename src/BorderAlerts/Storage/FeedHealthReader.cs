using System.Data.Common;
using BorderAlerts.Core.Storage;

namespace BorderAlerts.Storage;

/// <summary>Every feed's health for `feeds list` and the admin notices: one query both stores read alike.</summary>
public abstract class FeedHealthReader(Func<CancellationToken, Task<DbConnection>> open) : IFeedHealthReader
{
    public async Task<IReadOnlyList<FeedHealth>> ListHealthAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await open(cancellationToken);
        await using var command = Db.Command(connection, """
            SELECT f.id, f.url, f.enabled, f.last_success_at, f.last_attempt_at, f.consecutive_failures, f.last_error, f.last_status,
                   f.last_new_item_at, f.next_poll_at, f.last_items_found,
                   (SELECT CAST(COUNT(*) AS integer) FROM sightings s WHERE s.feed_id = f.id AND s.seen_at > @since),
                   (SELECT COUNT(*) FROM sightings s WHERE s.feed_id = f.id),
                   (SELECT CASE WHEN COUNT(*) >= 5 THEN (MAX(seen_at) - MIN(seen_at)) / (COUNT(*) - 1) END
                    FROM (SELECT DISTINCT seen_at FROM sightings s WHERE s.feed_id = f.id ORDER BY seen_at DESC LIMIT 20) recent)
            FROM feeds f ORDER BY f.id
            """, ("since", Db.Ms(now.AddHours(-24))));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<FeedHealth>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new FeedHealth(reader.GetString(0), reader.GetString(1), reader.GetBoolean(2), Db.Time(reader, 3), Db.Time(reader, 4),
                reader.GetInt32(5), Db.Text(reader, 6), Db.Int(reader, 7), Db.Time(reader, 8),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(9)), reader.GetInt32(11), Db.Int(reader, 10), reader.GetInt64(12))
            {
                TypicalGap = reader.IsDBNull(13) ? null : TimeSpan.FromMilliseconds(reader.GetInt64(13)),
            });
        }
        return list;
    }
}
