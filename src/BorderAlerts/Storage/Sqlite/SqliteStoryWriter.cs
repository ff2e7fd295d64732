using BorderAlerts.Core.Stories;
using Microsoft.Data.Sqlite;

namespace BorderAlerts.Storage.Sqlite;

/// <summary>
/// Puts a new alerting item into a story inside the caller's transaction: the most similar recent story that shares a
/// signature band, if it is similar enough, else a new one.
/// </summary>
internal static class SqliteStoryWriter
{

    public static async Task<long> AssignAsync(SqliteConnection connection, long itemId, string title, string text, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var signature = StorySignature.Compute(title, text);
        var bands = StorySignature.BandKeys(signature);
        var story = await BestMatchAsync(connection, signature, bands, at, cancellationToken);
        if (story is null)
        {
            await using var insert = Sql.Command(connection,
                "INSERT INTO stories (signature, first_item_id, created_at, last_seen_at) VALUES ($sig, $item, $at, $at) RETURNING id",
                ("$sig", StorySignature.ToBytes(signature)), ("$item", itemId), ("$at", Sql.Ms(at)));
            story = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
            foreach (var band in bands)
                await Sql.Run(connection, "INSERT OR IGNORE INTO story_bands (band_key, story_id) VALUES ($band, $story)", cancellationToken,
                    ("$band", band), ("$story", story));
        }
        else await Sql.Run(connection, "UPDATE stories SET last_seen_at = $at WHERE id = $story", cancellationToken, ("$at", Sql.Ms(at)), ("$story", story));
        await Sql.Run(connection, "UPDATE items SET story_id = $story WHERE id = $item", cancellationToken, ("$story", story), ("$item", itemId));
        return story.Value;
    }

    static async Task<long?> BestMatchAsync(SqliteConnection connection, ulong[] signature, long[] bands, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var find = Sql.Command(connection, """
            SELECT DISTINCT s.id, s.signature FROM story_bands b JOIN stories s ON s.id = b.story_id
            WHERE b.band_key IN ($b0, $b1, $b2, $b3) AND s.last_seen_at >= $since
            """, ("$b0", bands[0]), ("$b1", bands[1]), ("$b2", bands[2]), ("$b3", bands[3]), ("$since", Sql.Ms(at - StoryCandidates.Recent)));
        await using var reader = await find.ExecuteReaderAsync(cancellationToken);
        return await StoryCandidates.BestAsync(reader, signature, cancellationToken);
    }
}
