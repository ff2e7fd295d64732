using System.Data.Common;
using BorderAlerts.Core.Search.Postings;

namespace BorderAlerts.Storage.Segments;

/// <summary>Looks up token keys in one segment at a time, reusing one statement for the whole search (in-process SQLite).</summary>
internal sealed class SegmentLookup(DbConnection connection) : IDisposable
{
    readonly DbCommand find = Db.Command(connection,
        "SELECT first_key, data FROM search_blocks WHERE segment = @segment AND first_key <= @key ORDER BY first_key DESC LIMIT 1",
        ("segment", 0L), ("key", 0L));

    /// <summary>The ids holding <paramref name="key"/> in <paramref name="segment"/>, ascending (empty when none).</summary>
    public List<long> Ids(long segment, long key)
    {
        find.Parameters["segment"].Value = segment;
        find.Parameters["key"].Value = key;
        var ids = new List<long>();
        using var reader = find.ExecuteReader();
        if (reader.Read()) PostingBlockReader.Find(new PostingBlock(reader.GetInt64(0), (byte[])reader.GetValue(1)), key, ids);
        return ids;
    }

    public void Dispose() => find.Dispose();
}
