using Npgsql;

namespace BorderAlerts.Storage.Postgres;

/// <summary>
/// Writes an alert's deliveries inside the item's transaction (the outbox). A story already carded at a destination
/// gets a reply in its thread instead of a new card; an item that several rules matched is carded once per destination.
/// </summary>
internal static class PostgresDeliveryWriter
{
    public const string Console = "console";

    public static async Task EnqueueAsync(NpgsqlConnection connection, long alertId, long storyId, IReadOnlyList<string> to,
        HashSet<string> alreadyForItem, DateTimeOffset at, CancellationToken cancellationToken)
    {
        foreach (var destination in (to.Count == 0 ? [Console] : to).Distinct())
        {
            if (!alreadyForItem.Add(destination)) continue;
            var parentId = await PgSql.Scalar(connection, """
                SELECT id FROM deliveries WHERE story_id = @story AND destination = @dest AND kind = 'card' AND status <> 'dead'
                ORDER BY id LIMIT 1
                """, cancellationToken, ("story", storyId), ("dest", destination)) as long?;
            await PgSql.Run(connection, """
                INSERT INTO deliveries (alert_id, destination, story_id, kind, parent_id, next_attempt_at, created_at)
                VALUES (@alert, @dest, @story, @kind, @parent, @at, @at)
                """, cancellationToken, ("alert", alertId), ("dest", destination), ("story", storyId),
                ("kind", parentId is null ? "card" : "reply"), ("parent", parentId), ("at", PgSql.Ms(at)));
        }
    }
}
