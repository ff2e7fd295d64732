using System.Data.Common;

namespace BorderAlerts.Storage;

/// <summary>
/// The store's tables as plain rows, for `migrate`, `export` and `import`: the little that differs between the
/// providers when whole tables are copied (which snapshot, where the schema version lives, identities).
/// </summary>
public abstract class StoreTables(string provider, Func<CancellationToken, Task<DbConnection>> open)
{
    /// <summary>sqlite or postgres, as Storage:Provider names it.</summary>
    public string Provider => provider;

    public Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => open(cancellationToken);

    /// <summary>The schema version the store's own migrations recorded; 0 before the first one.</summary>
    public async Task<int> SchemaVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await SchemaVersionAsync(connection, cancellationToken);
    }

    protected abstract Task<int> SchemaVersionAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>A read transaction that sees one moment of the store, so an export is consistent while instances write.</summary>
    public abstract Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>After rows were inserted with their ids: the next id each table hands out follows the highest one.</summary>
    public virtual Task ResetIdentitiesAsync(DbConnection connection, DbTransaction transaction, IEnumerable<string> tables,
        CancellationToken cancellationToken) => Task.CompletedTask;
}
