using BorderAlerts.Core.Search.Postings;
using Npgsql;

namespace BorderAlerts.Storage.Postgres;

/// <summary>
/// Walks the archive index down from its newest segments, a window at a time, for one search: each window is one
/// statement that picks its segments (ready, seen since the `since:` bound, starting below the last window) and, for
/// every key of the query in every one of them, reads the one block that can hold the key. A merge committing between
/// two windows may join segments across the boundary: the next window then reads the merged segment, whose ids at or
/// above the boundary were read already and are dropped.
/// </summary>
internal sealed class SegmentWindow(KeyQuery query, long since)
{
    readonly long[] keys = query.Keys().ToArray();
    long below = long.MaxValue;

    /// <summary>Whether segments may remain below the last window.</summary>
    public bool More { get; private set; } = true;

    /// <summary>The matching ids of the next segments holding about <paramref name="items"/> items (at least one segment), newest first.</summary>
    public async Task<List<long>> NextAsync(NpgsqlConnection connection, long items, CancellationToken cancellationToken)
    {
        await using var command = Db.Command(connection, """
            WITH w AS (
                SELECT id, first_item, last_item FROM (
                    SELECT id, first_item, last_item, sum(items) OVER (ORDER BY last_item DESC) - items AS newer
                    FROM search_segments WHERE ready AND first_item < @below AND (last_seen IS NULL OR last_seen >= @since)) s
                WHERE newer < @items)
            SELECT w.id, w.first_item, k.key, b.first_key, b.data
            FROM w CROSS JOIN unnest(@keys) AS k(key)
            LEFT JOIN LATERAL (SELECT first_key, data FROM search_blocks
                WHERE segment = w.id AND first_key <= k.key ORDER BY first_key DESC LIMIT 1) b ON true
            ORDER BY w.last_item DESC, w.id
            """, ("below", below), ("since", since), ("items", items), ("keys", keys));
        var segments = new List<(long FirstItem, Dictionary<long, List<long>> Found)>();
        long segment = 0;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken))
            {
                if (segments.Count == 0 || reader.GetInt64(0) != segment)
                {
                    segment = reader.GetInt64(0);
                    segments.Add((reader.GetInt64(1), []));
                }
                var key = reader.GetInt64(2);
                var ids = new List<long>();
                if (!reader.IsDBNull(3) && PostingBlockReader.Find(new PostingBlock(reader.GetInt64(3), (byte[])reader.GetValue(4)), key, ids))
                    segments[^1].Found[key] = ids;
            }
        var matching = new List<long>();
        foreach (var (_, found) in segments)
        {
            var ids = query.Evaluate(key => found.TryGetValue(key, out var list) ? list : [], () => throw new InvalidOperationException("no key to look up"));
            for (int n = ids.Count - 1; n >= 0; n--)
                if (ids[n] < below) matching.Add(ids[n]);
        }
        More = segments.Count > 0 && items != long.MaxValue;
        if (segments.Count > 0) below = Math.Min(below, segments.Min(s => s.FirstItem));
        return matching;
    }
}
