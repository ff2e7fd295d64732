using System.Data.Common;
using BorderAlerts.Core.Storage;

namespace BorderAlerts.Storage;

/// <summary>
/// The timings behind each source's median delays, the same SQL on both stores: items by first sighting (index
/// items_first_seen), deliveries through their alerts by creation (index alerts_created; an alert is never older than its
/// item's first sighting), newest first and capped, so a read touches only the window.
/// </summary>
internal sealed class SourceLatencyReader(Func<CancellationToken, Task<DbConnection>> open) : ISourceLatencyReader
{
    public async Task<IReadOnlyList<ItemTiming>> ItemsSinceAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await open(cancellationToken);
        await using var command = Db.Command(connection, """
            SELECT first_feed_id, published_at, first_seen_at, alertable FROM items
            WHERE first_seen_at >= @since ORDER BY first_seen_at DESC LIMIT @limit
            """, ("since", Db.Ms(since)), ("limit", limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<ItemTiming>();
        while (await reader.ReadAsync(cancellationToken))
            rows.Add(new ItemTiming(reader.GetString(0), Db.Time(reader, 1), Db.Time(reader, 2)!.Value, reader.GetBoolean(3)));
        return rows;
    }

    public async Task<IReadOnlyList<DeliveryTiming>> DeliveriesSinceAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await open(cancellationToken);
        await using var command = Db.Command(connection, """
            SELECT i.first_feed_id, i.first_seen_at, d.sent_at FROM alerts a
            JOIN items i ON i.id = a.item_id JOIN deliveries d ON d.alert_id = a.id
            WHERE a.created_at >= @since AND i.first_seen_at >= @since AND d.sent_at IS NOT NULL
            ORDER BY a.created_at DESC LIMIT @limit
            """, ("since", Db.Ms(since)), ("limit", limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<DeliveryTiming>();
        while (await reader.ReadAsync(cancellationToken))
            rows.Add(new DeliveryTiming(reader.GetString(0), Db.Time(reader, 1)!.Value, Db.Time(reader, 2)!.Value));
        return rows;
    }
}
