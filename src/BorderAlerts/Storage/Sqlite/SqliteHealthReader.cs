using BorderAlerts.Core.Storage;

namespace BorderAlerts.Storage.Sqlite;

public sealed class SqliteHealthReader(SqliteDatabase database) : IFeedHealthReader
{
    public async Task<IReadOnlyList<FeedHealth>> ListHealthAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Sql.Command(connection, """
            SELECT f.id, f.url, f.enabled, f.last_success_at, f.last_attempt_at, f.consecutive_failures, f.last_error, f.last_status,
                   f.last_new_item_at, f.next_poll_at, f.last_items_found,
                   (SELECT COUNT(*) FROM sightings s WHERE s.feed_id = f.id AND s.seen_at > $since),
                   (SELECT COUNT(*) FROM sightings s WHERE s.feed_id = f.id),
                   (SELECT CASE WHEN COUNT(*) >= 5 THEN (MAX(seen_at) - MIN(seen_at)) / (COUNT(*) - 1) END
                    FROM (SELECT DISTINCT seen_at FROM sightings s WHERE s.feed_id = f.id ORDER BY seen_at DESC LIMIT 20))
            FROM feeds f ORDER BY f.id
            """, ("$since", Sql.Ms(now.AddHours(-24))));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<FeedHealth>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new FeedHealth(reader.GetString(0), reader.GetString(1), reader.GetBoolean(2), Sql.Time(reader, 3), Sql.Time(reader, 4),
                reader.GetInt32(5), Sql.Text(reader, 6), Sql.Int(reader, 7), Sql.Time(reader, 8),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(9)), reader.GetInt32(11), Sql.Int(reader, 10), reader.GetInt64(12))
            {
                TypicalGap = reader.IsDBNull(13) ? null : TimeSpan.FromMilliseconds(reader.GetInt64(13)),
            });
        }
        return list;
    }
}
