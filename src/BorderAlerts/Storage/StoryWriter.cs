using System.Data.Common;
using BorderAlerts.Core.Stories;

namespace BorderAlerts.Storage;

/// <summary>
/// Puts an alerting item into a story inside the caller's transaction: reads the recent stories that share one of its
/// keys, lets the placement choose, then records the choice (a new story with the item's fingerprint, or the chosen one
/// seen again) and files the item's keys under it, so later re-reports find the story through any of its items. On
/// PostgreSQL the item writer's identity lock keeps two instances from opening the same story twice.
/// </summary>
internal static class StoryWriter
{
    public static async Task<long> AssignAsync(DbConnection connection, SqlDialect dialect, long itemId, StoryPlacement placement, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        var story = placement.Choose(await CandidatesAsync(connection, dialect, placement.Keys, at, cancellationToken));
        if (story is null)
            story = (long)(await Db.Scalar(connection,
                "INSERT INTO stories (signature, first_item_id, created_at, last_seen_at) VALUES (@sig, @item, @at, @at) RETURNING id", cancellationToken,
                ("sig", placement.StoredFingerprint), ("item", itemId), ("at", Db.Ms(at))))!;
        else await Db.Run(connection, "UPDATE stories SET last_seen_at = @at WHERE id = @story", cancellationToken, ("at", Db.Ms(at)), ("story", story));
        // WHERE true: SQLite would read ON CONFLICT after a bare FROM as a join's ON.
        await Db.Run(connection, $"""
            INSERT INTO story_bands (band_key, story_id) SELECT DISTINCT value, @story FROM ({dialect.SetRows}) bands WHERE true
            ON CONFLICT DO NOTHING
            """, cancellationToken, ("set", dialect.Set(placement.Keys)), ("story", story));
        await Db.Run(connection, "UPDATE items SET story_id = @story WHERE id = @item", cancellationToken, ("story", story), ("item", itemId));
        return story.Value;
    }

    /// <summary>Recent stories sharing a key: (id, stored fingerprint) for the placement's judge.</summary>
    static async Task<List<(long, byte[])>> CandidatesAsync(DbConnection connection, SqlDialect dialect, long[] keys, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        await using var find = Db.Command(connection, $"""
            SELECT DISTINCT s.id, s.signature FROM story_bands b JOIN stories s ON s.id = b.story_id
            WHERE b.band_key {dialect.InSet} AND s.last_seen_at >= @since
            """, ("set", dialect.Set(keys)), ("since", Db.Ms(at - StoryPlacement.Recent)));
        await using var reader = await find.ExecuteReaderAsync(cancellationToken);
        var rows = new List<(long, byte[])>();
        while (await reader.ReadAsync(cancellationToken)) rows.Add((reader.GetInt64(0), (byte[])reader[1]));
        return rows;
    }
}
