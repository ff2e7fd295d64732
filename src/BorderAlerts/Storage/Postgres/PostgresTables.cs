using System.Data;
using System.Data.Common;

namespace BorderAlerts.Storage.Postgres;

/// <summary>
/// PostgreSQL's side of export and import: schema_version holds the schema version, an export reads one REPEATABLE READ
/// snapshot, and after an import each identity sequence continues after the highest id copied in.
/// </summary>
public sealed class PostgresTables(PostgresDatabase database) : StoreTables("postgres", async ct => await database.OpenAsync(ct))
{
    protected override async Task<int> SchemaVersionAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await Db.Scalar(connection, "SELECT to_regclass('schema_version') IS NOT NULL", cancellationToken) is not true ? 0
            : Convert.ToInt32(await Db.Scalar(connection, "SELECT COALESCE(MAX(version), 0) FROM schema_version", cancellationToken));

    public override async Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);

    public override async Task ResetIdentitiesAsync(DbConnection connection, DbTransaction transaction, IEnumerable<string> tables,
        CancellationToken cancellationToken)
    {
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            // Empty table: the next id is 1; else max + 1.
            command.CommandText = $"SELECT setval(pg_get_serial_sequence('{table}', 'id'), COALESCE(MAX(id), 1), MAX(id) IS NOT NULL) FROM {table}";
            await command.ExecuteScalarAsync(cancellationToken);
        }
    }
}
