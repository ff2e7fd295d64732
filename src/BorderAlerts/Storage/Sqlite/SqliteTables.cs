using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace BorderAlerts.Storage.Sqlite;

/// <summary>SQLite's side of export and import: PRAGMA user_version is the schema version; row ids need no reset.</summary>
public sealed class SqliteTables(SqliteDatabase database) : StoreTables
{
    public override string Provider => "sqlite";

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => await database.OpenAsync(cancellationToken);

    public override async Task<int> SchemaVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Sql.Command(connection, "PRAGMA user_version");
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken));
    }

    // Deferred: in WAL mode the first read fixes the snapshot and writers carry on beside it.
    public override async Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await Task.FromResult(((SqliteConnection)connection).BeginTransaction(deferred: true));
}
