using System.Data;
using System.Data.Common;
using BorderAlerts.Core.Search.Postings;
using BorderAlerts.Storage.Segments;
using Npgsql;

namespace BorderAlerts.Storage.Postgres;

/// <summary>
/// The archive index on PostgreSQL: one instance merges at a time (a session advisory lock, released with the session
/// if the instance dies); a repeatable-read transaction is the snapshot. Segment writes need no lock of their own:
/// they happen under the item identity lock (<see cref="PostgresItemWriter.IdentityLock"/>), so segments commit in
/// the order of their item ids and their ranges stay disjoint, as the tiers require.
/// </summary>
internal sealed class PostgresSegmentStore(PostgresDatabase database) : SegmentStore
{
    /// <summary>Advisory lock key for merging the archive index ("BAmerge").</summary>
    const long MergeLock = 0x4241_6D65_7267_65;

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default) => await database.OpenAsync(cancellationToken);

    public override int BlockBytes => PostingBlockWriter.RowBytes;

    /// <summary>One statement per segment: a round trip per block was most of a poll's index time.</summary>
    protected override async Task InsertBlocksAsync(DbConnection connection, long segment, IReadOnlyList<PostingBlock> blocks,
        CancellationToken cancellationToken) =>
        await Db.Run((NpgsqlConnection)connection, "INSERT INTO search_blocks (segment, first_key, data) SELECT @segment, k, d FROM unnest(@keys, @data) AS b(k, d)",
            cancellationToken, ("segment", segment), ("keys", blocks.Select(b => b.FirstKey).ToArray()), ("data", blocks.Select(b => b.Data).ToArray()));

    public override DbTransaction Snapshot(DbConnection connection) => connection.BeginTransaction(IsolationLevel.RepeatableRead);

    public override IDisposable? MergeAlone(DbConnection connection)
    {
        var npgsql = (NpgsqlConnection)connection;
        using (var take = Db.Command(npgsql, "SELECT pg_try_advisory_lock(@key)", ("key", MergeLock)))
            if (take.ExecuteScalar() is not true) return null;
        // Pooled connections keep session state (no reset on close), so the lock is released explicitly.
        return new Held(() =>
        {
            if (npgsql.State != ConnectionState.Open) return;
            using var release = Db.Command(npgsql, "SELECT pg_advisory_unlock(@key)", ("key", MergeLock));
            release.ExecuteNonQuery();
        });
    }
}
