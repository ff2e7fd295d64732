using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace BorderAlerts.Storage.Sqlite;

/// <summary>SQLite's side of export and import: PRAGMA user_version is the schema version; row ids need no reset.</summary>
public sealed class SqliteTables(SqliteDatabase database) : StoreTables("sqlite", async ct => await database.OpenAsync(ct))
{
    protected override async Task<int> SchemaVersionAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Convert.ToInt32(await Db.Scalar(connection, "PRAGMA user_version", cancellationToken));

    // Deferred: in WAL mode the first read fixes the snapshot and writers carry on beside it.
    public override async Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await Task.FromResult(((SqliteConnection)connection).BeginTransaction(deferred: true));
}
