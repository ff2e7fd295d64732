using BorderAlerts.Core.Stories;
using Microsoft.Data.Sqlite;

namespace BorderAlerts.Storage.Sqlite;

/// <summary>
/// Puts an alerting item into a story inside the caller's transaction: reads the recent stories that share one of its
/// keys, lets the placement choose, then records the choice (a new story with the item's fingerprint, or the chosen one
/// seen again) and files the item's keys under it, so later re-reports find the story through any of its items.
/// </summary>
internal static class SqliteStoryWriter
{
    public static async Task<long> AssignAsync(SqliteConnection connection, long itemId, StoryPlacement placement, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var story = placement.Choose(await CandidatesAsync(connection, placement.Keys, at, cancellationToken));
        if (story is null)
        {
            await using var insert = Db.Command(connection,
                "INSERT INTO stories (signature, first_item_id, created_at, last_seen_at) VALUES ($sig, $item, $at, $at) RETURNING id",
                ("$sig", placement.StoredFingerprint), ("$item", itemId), ("$at", Db.Ms(at)));
            story = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
        }
        else await Db.Run(connection, "UPDATE stories SET last_seen_at = $at WHERE id = $story", cancellationToken, ("$at", Db.Ms(at)), ("$story", story));
        await using var key = Db.Command(connection, "INSERT OR IGNORE INTO story_bands (band_key, story_id) VALUES ($band, $story)", ("$band", 0L), ("$story", story));
        foreach (var band in placement.Keys)
        {
            key.Parameters["$band"].Value = band;
            await key.ExecuteNonQueryAsync(cancellationToken);
        }
        await Db.Run(connection, "UPDATE items SET story_id = $story WHERE id = $item", cancellationToken, ("$story", story), ("$item", itemId));
        return story.Value;
    }

    static async Task<List<(long, byte[])>> CandidatesAsync(SqliteConnection connection, long[] keys, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var names = keys.Select((_, i) => $"$k{i}").ToArray();
        await using var find = Db.Command(connection, $"""
            SELECT DISTINCT s.id, s.signature FROM story_bands b JOIN stories s ON s.id = b.story_id
            WHERE b.band_key IN ({string.Join(", ", names)}) AND s.last_seen_at >= $since
            """, [.. keys.Select((k, i) => (names[i], (object?)k)), ("$since", Db.Ms(at - StoryPlacement.Recent))]);
        await using var reader = await find.ExecuteReaderAsync(cancellationToken);
        return await StoryCandidates.ReadAsync(reader, cancellationToken);
    }
}
