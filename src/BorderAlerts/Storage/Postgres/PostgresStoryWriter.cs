using BorderAlerts.Core.Stories;
using Npgsql;

namespace BorderAlerts.Storage.Postgres;

/// <summary>
/// Puts a new alerting item into a story inside the caller's transaction: the most similar recent story that shares a
/// signature band, if it is similar enough, else a new one. The item writer's identity lock keeps two instances from
/// opening the same story twice.
/// </summary>
internal static class PostgresStoryWriter
{

    public static async Task<long> AssignAsync(NpgsqlConnection connection, long itemId, string title, string text, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var signature = StorySignature.Compute(title, text);
        var bands = StorySignature.BandKeys(signature);
        var story = await BestMatchAsync(connection, signature, bands, at, cancellationToken);
        if (story is null)
        {
            story = (long)(await PgSql.Scalar(connection,
                "INSERT INTO stories (signature, first_item_id, created_at, last_seen_at) VALUES (@sig, @item, @at, @at) RETURNING id", cancellationToken,
                ("sig", StorySignature.ToBytes(signature)), ("item", itemId), ("at", PgSql.Ms(at))))!;
            await PgSql.Run(connection, "INSERT INTO story_bands (band_key, story_id) SELECT DISTINCT unnest(@bands), @story ON CONFLICT DO NOTHING",
                cancellationToken, ("bands", bands), ("story", story));
        }
        else await PgSql.Run(connection, "UPDATE stories SET last_seen_at = @at WHERE id = @story", cancellationToken, ("at", PgSql.Ms(at)), ("story", story));
        await PgSql.Run(connection, "UPDATE items SET story_id = @story WHERE id = @item", cancellationToken, ("story", story), ("item", itemId));
        return story.Value;
    }

    static async Task<long?> BestMatchAsync(NpgsqlConnection connection, ulong[] signature, long[] bands, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var find = PgSql.Command(connection, """
            SELECT DISTINCT s.id, s.signature FROM story_bands b JOIN stories s ON s.id = b.story_id
            WHERE b.band_key = ANY(@bands) AND s.last_seen_at >= @since
            """, ("bands", bands), ("since", PgSql.Ms(at - StoryCandidates.Recent)));
        await using var reader = await find.ExecuteReaderAsync(cancellationToken);
        return await StoryCandidates.BestAsync(reader, signature, cancellationToken);
    }
}
