using System.Data.Common;
using BorderAlerts.Core.Search.Postings;
using BorderAlerts.Storage.Segments;
using Microsoft.Data.Sqlite;

namespace BorderAlerts.Storage.Sqlite;

/// <summary>The archive index on SQLite: the merger's writes take the one write lock; a deferred transaction is the snapshot.</summary>
internal sealed class SqliteSegmentStore(SqliteDatabase database) : SegmentStore
{
    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default) => await database.OpenAsync(cancellationToken);

    public override int BlockBytes => PostingBlockWriter.TargetBytes;

    /// <summary>One prepared insert per block: in-process, a statement costs microseconds.</summary>
    protected override Task InsertBlocksAsync(DbConnection connection, long segment, IReadOnlyList<PostingBlock> blocks, CancellationToken cancellationToken)
    {
        using var insert = SegmentTables.BlockInsert(connection, segment);
        foreach (var block in blocks) SegmentTables.Insert(insert, block);
        return Task.CompletedTask;
    }

    public override DbTransaction Snapshot(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: true);

    public override IDisposable Writing()
    {
        database.WriteLock.Wait();
        return new Held(() => database.WriteLock.Release());
    }
}
