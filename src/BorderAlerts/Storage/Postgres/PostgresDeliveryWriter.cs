using BorderAlerts.Core.Delivery;
using Npgsql;

namespace BorderAlerts.Storage.Postgres;

/// <summary>
/// Writes an alert's deliveries inside the item's transaction (the outbox), as <see cref="CardOrReply"/> says: the
/// store only looks up the story's card at each destination.
/// </summary>
internal static class PostgresDeliveryWriter
{
    public static async Task EnqueueAsync(NpgsqlConnection connection, long alertId, long storyId, IReadOnlyList<string> to,
        HashSet<string> alreadyForItem, DateTimeOffset at, CancellationToken cancellationToken)
    {
        foreach (var destination in CardOrReply.Destinations(to, alreadyForItem))
        {
            var (kind, parentId) = CardOrReply.For(await PgSql.Scalar(connection, """
                SELECT id FROM deliveries WHERE story_id = @story AND destination = @dest AND kind = 'card' AND status <> 'dead'
                ORDER BY id LIMIT 1
                """, cancellationToken, ("story", storyId), ("dest", destination)) as long?);
            await PgSql.Run(connection, """
                INSERT INTO deliveries (alert_id, destination, story_id, kind, parent_id, next_attempt_at, created_at)
                VALUES (@alert, @dest, @story, @kind, @parent, @at, @at)
                """, cancellationToken, ("alert", alertId), ("dest", destination), ("story", storyId),
                ("kind", kind), ("parent", parentId), ("at", PgSql.Ms(at)));
        }
    }
}
