using System.Data.Common;
using BorderAlerts.Core.Search.Postings;

namespace BorderAlerts.Storage.Segments;

/// <summary>
/// Indexes items stored before the archive index existed (or after it was dropped), 1,000 at a time. The stores run
/// each step in a transaction of their own under their writers' lock (SQLite's one writer, PostgreSQL's identity lock).
/// </summary>
internal static class SearchBackfill
{
    const int Batch = 1_000;

    /// <summary>Indexes the next items not in any segment as one segment; false once there are none.</summary>
    public static async Task<bool> StepAsync(DbConnection connection, SegmentStore segments, CancellationToken cancellationToken)
    {
        var batch = new List<(long, ItemTokens)>();
        long lastSeen = 0;
        await using (var read = Db.Command(connection, $"""
            SELECT id, title, text, first_seen_at FROM items
            WHERE id > coalesce((SELECT max(last_item) FROM search_segments), 0) ORDER BY id LIMIT {Batch}
            """))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken))
            {
                batch.Add((reader.GetInt64(0), ItemTokens.Of(reader.GetString(1), reader.GetString(2))));
                lastSeen = Math.Max(lastSeen, reader.GetInt64(3));
            }
        if (batch.Count == 0) return false;
        await segments.AddAsync(connection, batch, lastSeen, cancellationToken);
        return true;
    }
}
