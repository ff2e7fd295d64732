using BorderAlerts.Core.Stories;
using Npgsql;

namespace BorderAlerts.Storage.Postgres;

/// <summary>
/// Puts an alerting item into a story inside the caller's transaction, as <see cref="Sqlite.SqliteStoryWriter"/> does:
/// the placement chooses among the recent stories sharing a key. The item writer's identity lock keeps two instances
/// from opening the same story twice.
/// </summary>
internal static class PostgresStoryWriter
{
    public static async Task<long> AssignAsync(NpgsqlConnection connection, long itemId, StoryPlacement placement, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var story = placement.Choose(await CandidatesAsync(connection, placement.Keys, at, cancellationToken));
        if (story is null)
            story = (long)(await Db.Scalar(connection,
                "INSERT INTO stories (signature, first_item_id, created_at, last_seen_at) VALUES (@sig, @item, @at, @at) RETURNING id", cancellationToken,
                ("sig", placement.StoredFingerprint), ("item", itemId), ("at", Db.Ms(at))))!;
        else await Db.Run(connection, "UPDATE stories SET last_seen_at = @at WHERE id = @story", cancellationToken, ("at", Db.Ms(at)), ("story", story));
        await Db.Run(connection, "INSERT INTO story_bands (band_key, story_id) SELECT DISTINCT unnest(@bands), @story ON CONFLICT DO NOTHING",
            cancellationToken, ("bands", placement.Keys), ("story", story));
        await Db.Run(connection, "UPDATE items SET story_id = @story WHERE id = @item", cancellationToken, ("story", story), ("item", itemId));
        return story.Value;
    }

    static async Task<List<(long, byte[])>> CandidatesAsync(NpgsqlConnection connection, long[] keys, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var find = Db.Command(connection, """
            SELECT DISTINCT s.id, s.signature FROM story_bands b JOIN stories s ON s.id = b.story_id
            WHERE b.band_key = ANY(@bands) AND s.last_seen_at >= @since
            """, ("bands", keys), ("since", Db.Ms(at - StoryPlacement.Recent)));
        await using var reader = await find.ExecuteReaderAsync(cancellationToken);
        return await StoryCandidates.ReadAsync(reader, cancellationToken);
    }
}
