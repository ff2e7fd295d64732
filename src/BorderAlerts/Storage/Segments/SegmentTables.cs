using System.Data.Common;
using BorderAlerts.Core.Search.Postings;

namespace BorderAlerts.Storage.Segments;

/// <summary>
/// The archive index's tables, alike on SQLite and PostgreSQL: search_segments (one row per segment: level, item
/// range, and whether it is complete) and search_blocks (its blocks, keyed by segment and first token key). Segments
/// are immutable: written once, read, merged, deleted. A segment being merged into is not <c>ready</c> until it is
/// whole; searches read ready ones only. The SQL is what both databases read alike (`ready`, `NOT ready`, `true`).
/// </summary>
internal static class SegmentTables
{
    /// <summary>Blocks read per statement while merging: no reader stays open between pages (PostgreSQL allows one at a time).</summary>
    const int BlocksPerPage = 64;

    public static List<SegmentInfo> List(DbConnection connection, string where = "ready")
    {
        using var command = Db.Command(connection,
            $"SELECT id, level, first_item, last_item, items, last_seen FROM search_segments WHERE {where} ORDER BY last_item DESC");
        using var reader = command.ExecuteReader();
        var segments = new List<SegmentInfo>();
        while (reader.Read())
            segments.Add(new SegmentInfo(reader.GetInt64(0), reader.GetInt32(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4))
            {
                LastSeen = reader.IsDBNull(5) ? null : reader.GetInt64(5),
            });
        return segments;
    }

    /// <summary>Adds a segment's row; an unready one stays invisible until <see cref="Replace"/> completes it.</summary>
    public static long Create(DbConnection connection, int level, long firstItem, long lastItem, long items, long? lastSeen, bool ready)
    {
        using var segment = Db.Command(connection, """
            INSERT INTO search_segments (level, first_item, last_item, items, last_seen, ready, started_at)
            VALUES (@level, @first, @last, @items, @seen, @ready, @now) RETURNING id
            """, ("level", level), ("first", firstItem), ("last", lastItem), ("items", items), ("seen", lastSeen), ("ready", ready),
            ("now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
        return Convert.ToInt64(segment.ExecuteScalar());
    }

    /// <summary>A statement inserting one segment's blocks, for a <see cref="PostingBlockWriter"/>'s output.</summary>
    public static DbCommand BlockInsert(DbConnection connection, long segment)
    {
        var insert = Db.Command(connection, "INSERT INTO search_blocks (segment, first_key, data) VALUES (@segment, @key, @data)",
            ("segment", segment), ("key", 0L), ("data", Array.Empty<byte>()));
        return insert;
    }

    public static void Insert(DbCommand insert, PostingBlock block)
    {
        insert.Parameters["key"].Value = block.FirstKey;
        insert.Parameters["data"].Value = block.Data;
        insert.ExecuteNonQuery();
    }

    /// <summary>A segment's blocks in key order, read a page at a time.</summary>
    public static IEnumerator<PostingBlock> Blocks(DbConnection connection, long segment)
    {
        for (long after = long.MinValue; ;)
        {
            var page = new List<PostingBlock>(BlocksPerPage);
            using (var command = Db.Command(connection,
                $"SELECT first_key, data FROM search_blocks WHERE segment = @segment AND first_key > @after ORDER BY first_key LIMIT {BlocksPerPage}",
                ("segment", segment), ("after", after)))
            using (var reader = command.ExecuteReader())
                while (reader.Read()) page.Add(new PostingBlock(reader.GetInt64(0), (byte[])reader.GetValue(1)));
            foreach (var block in page) yield return block;
            if (page.Count < BlocksPerPage) yield break;
            after = page[^1].FirstKey;
        }
    }

    /// <summary>
    /// Makes a merged segment visible and drops the segments it replaces, in the caller's transaction; throws (so the
    /// caller rolls back) unless the target was unfinished and every source was still there.
    /// </summary>
    public static void Replace(DbConnection connection, long merged, IReadOnlyList<long> sources)
    {
        using var count = Db.Command(connection, $"SELECT count(*) FROM search_segments WHERE ready AND id IN ({string.Join(", ", sources)})");
        using var ready = Db.Command(connection, "UPDATE search_segments SET ready = true WHERE id = @id AND NOT ready", ("id", merged));
        if (Convert.ToInt64(count.ExecuteScalar()) != sources.Count || ready.ExecuteNonQuery() != 1)
            throw new InvalidOperationException($"archive index: merge into segment {merged} lost its target or a source to another process");
        Delete(connection, string.Join(", ", sources));
    }

    /// <summary>Throws unless <paramref name="merged"/> is still an unfinished merge target (another process may have dropped it).</summary>
    public static void RequireUnfinished(DbConnection connection, long merged)
    {
        using var exists = Db.Command(connection, "SELECT 1 FROM search_segments WHERE id = @id AND NOT ready", ("id", merged));
        if (exists.ExecuteScalar() is null) throw new InvalidOperationException($"archive index: merge target {merged} is gone");
    }

    public static void DeleteUnfinished(DbConnection connection, long merged) =>
        Delete(connection, $"SELECT id FROM search_segments WHERE id = {merged} AND NOT ready");

    /// <summary>
    /// Drops merges a stopped process left unfinished: only stale ones (an hour old), since a command run beside the
    /// service must not pull a running merge's target away. One transaction, rows first: a merge completing meanwhile
    /// either marked its target ready first (the row no longer matches) or finds it gone and rolls back (see
    /// <see cref="Replace"/>); deleting the blocks first could leave a ready segment without them.
    /// </summary>
    public static void DeleteUnready(DbConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        var stale = new List<long>();
        using (var rows = Db.Command(connection, "DELETE FROM search_segments WHERE NOT ready AND started_at < @cut RETURNING id",
            ("cut", DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeMilliseconds())))
        using (var reader = rows.ExecuteReader())
            while (reader.Read()) stale.Add(reader.GetInt64(0));
        if (stale.Count > 0)
        {
            using var blocks = Db.Command(connection, $"DELETE FROM search_blocks WHERE segment IN ({string.Join(", ", stale)})");
            blocks.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    static void Delete(DbConnection connection, string segments)
    {
        using var blocks = Db.Command(connection, $"DELETE FROM search_blocks WHERE segment IN ({segments})");
        blocks.ExecuteNonQuery();
        using var rows = Db.Command(connection, $"DELETE FROM search_segments WHERE id IN ({segments})");
        rows.ExecuteNonQuery();
    }
}
