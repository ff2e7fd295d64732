using BorderAlerts.Core.Search.Postings;
using Microsoft.Data.Sqlite;

namespace BorderAlerts.Storage.Sqlite;

/// <summary>
/// The archive index's tables: search_segments (one row per segment: level, item range, and whether it is complete) and
/// search_blocks (its blocks, keyed by segment and first token key). Segments are immutable: written once, read,
/// merged, deleted. A segment being merged into is not <c>ready</c> until it is whole; searches read ready ones only.
/// </summary>
internal static class SqliteSegments
{
    public static List<SegmentInfo> List(SqliteConnection connection, string where = "ready = 1")
    {
        using var command = Sql.Command(connection, $"SELECT id, level, first_item, last_item, items FROM search_segments WHERE {where} ORDER BY last_item DESC");
        using var reader = command.ExecuteReader();
        var segments = new List<SegmentInfo>();
        while (reader.Read()) segments.Add(new SegmentInfo(reader.GetInt64(0), reader.GetInt32(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4)));
        return segments;
    }

    /// <summary>Adds a segment's row; an unready one stays invisible until <see cref="Replace"/> completes it.</summary>
    public static long Create(SqliteConnection connection, int level, long firstItem, long lastItem, long items, bool ready)
    {
        using var segment = Sql.Command(connection,
            "INSERT INTO search_segments (level, first_item, last_item, items, ready, started_at) VALUES ($level, $first, $last, $items, $ready, $now) RETURNING id",
            ("$level", level), ("$first", firstItem), ("$last", lastItem), ("$items", items), ("$ready", ready),
            ("$now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
        return (long)segment.ExecuteScalar()!;
    }

    /// <summary>A statement inserting one segment's blocks, for a <see cref="PostingBlockWriter"/>'s output.</summary>
    public static SqliteCommand BlockInsert(SqliteConnection connection, long segment) =>
        Sql.Command(connection, "INSERT INTO search_blocks (segment, first_key, data) VALUES ($segment, $key, $data)",
            ("$segment", segment), ("$key", 0L), ("$data", Array.Empty<byte>()));

    public static void Insert(SqliteCommand insert, PostingBlock block)
    {
        insert.Parameters["$key"].Value = block.FirstKey;
        insert.Parameters["$data"].Value = block.Data;
        insert.ExecuteNonQuery();
    }

    /// <summary>A segment's blocks in key order, read lazily.</summary>
    public static IEnumerator<PostingBlock> Blocks(SqliteConnection connection, long segment)
    {
        using var command = Sql.Command(connection, "SELECT first_key, data FROM search_blocks WHERE segment = $segment ORDER BY first_key", ("$segment", segment));
        using var reader = command.ExecuteReader();
        while (reader.Read()) yield return new PostingBlock(reader.GetInt64(0), (byte[])reader.GetValue(1));
    }

    /// <summary>
    /// Makes a merged segment visible and drops the segments it replaces, in the caller's transaction; throws (so the
    /// caller rolls back) unless the target was unfinished and every source was still there.
    /// </summary>
    public static void Replace(SqliteConnection connection, long merged, IReadOnlyList<long> sources)
    {
        using var count = Sql.Command(connection, $"SELECT count(*) FROM search_segments WHERE ready = 1 AND id IN ({string.Join(", ", sources)})");
        using var ready = Sql.Command(connection, "UPDATE search_segments SET ready = 1 WHERE id = $id AND ready = 0", ("$id", merged));
        if ((long)count.ExecuteScalar()! != sources.Count || ready.ExecuteNonQuery() != 1)
            throw new InvalidOperationException($"archive index: merge into segment {merged} lost its target or a source to another process");
        Delete(connection, string.Join(", ", sources));
    }

    /// <summary>Throws unless <paramref name="merged"/> is still an unfinished merge target (another process may have dropped it).</summary>
    public static void RequireUnfinished(SqliteConnection connection, long merged)
    {
        using var exists = Sql.Command(connection, "SELECT 1 FROM search_segments WHERE id = $id AND ready = 0", ("$id", merged));
        if (exists.ExecuteScalar() is null) throw new InvalidOperationException($"archive index: merge target {merged} is gone");
    }

    public static void DeleteUnfinished(SqliteConnection connection, long merged) =>
        Delete(connection, $"SELECT id FROM search_segments WHERE id = {merged} AND ready = 0");

    /// <summary>
    /// Drops merges a stopped process left unfinished: only stale ones (an hour old), since a command run beside the
    /// service must not pull a running merge's target away.
    /// </summary>
    public static void DeleteUnready(SqliteConnection connection) =>
        Delete(connection, $"SELECT id FROM search_segments WHERE ready = 0 AND started_at < {DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeMilliseconds()}");

    static void Delete(SqliteConnection connection, string segments)
    {
        using var blocks = Sql.Command(connection, $"DELETE FROM search_blocks WHERE segment IN ({segments})");
        blocks.ExecuteNonQuery();
        using var rows = Sql.Command(connection, $"DELETE FROM search_segments WHERE id IN ({segments})");
        rows.ExecuteNonQuery();
    }
}

/// <summary>Looks up token keys in one segment at a time, reusing one prepared statement for the whole search.</summary>
internal sealed class SegmentLookup(SqliteConnection connection) : IDisposable
{
    readonly SqliteCommand find = Sql.Command(connection,
        "SELECT first_key, data FROM search_blocks WHERE segment = $segment AND first_key <= $key ORDER BY first_key DESC LIMIT 1",
        ("$segment", 0L), ("$key", 0L));

    /// <summary>The ids holding <paramref name="key"/> in <paramref name="segment"/>, ascending (empty when none).</summary>
    public List<long> Ids(long segment, long key)
    {
        find.Parameters["$segment"].Value = segment;
        find.Parameters["$key"].Value = key;
        var ids = new List<long>();
        using var reader = find.ExecuteReader();
        if (reader.Read()) PostingBlockReader.Find(new PostingBlock(reader.GetInt64(0), (byte[])reader.GetValue(1)), key, ids);
        return ids;
    }

    public void Dispose() => find.Dispose();
}
