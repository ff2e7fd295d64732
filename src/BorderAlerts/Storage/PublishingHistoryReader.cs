using System.Data.Common;
using BorderAlerts.Core.Storage;

namespace BorderAlerts.Storage;

/// <summary>
/// A source's recent items' publication times, or for an undated item its first sighting by the source (sightings keep
/// each item's first, one time per poll); the same SQL on both stores (index sightings_feed_seen). The sightings of the
/// source's earliest poll are its backlog, not its pace, so an undated item counts only if it was seen after that poll.
/// </summary>
internal sealed class PublishingHistoryReader(Func<CancellationToken, Task<DbConnection>> open) : IPublishingHistory
{
    public async Task<IReadOnlyList<DateTimeOffset>> RecentAsync(string feedId, int max, CancellationToken cancellationToken)
    {
        await using var connection = await open(cancellationToken);
        await using var command = Db.Command(connection, """
            SELECT COALESCE(i.published_at, s.seen_at) FROM sightings s JOIN items i ON i.id = s.item_id
            WHERE s.feed_id = @feed AND (i.published_at IS NOT NULL
                OR s.seen_at > (SELECT MIN(b.seen_at) FROM sightings b WHERE b.feed_id = @feed))
            ORDER BY s.seen_at DESC LIMIT @max
            """, ("feed", feedId), ("max", max));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var times = new List<DateTimeOffset>();
        while (await reader.ReadAsync(cancellationToken)) times.Add(DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)));
        return times;
    }
}
