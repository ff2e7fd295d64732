using System.Data.Common;

namespace BorderAlerts.Storage;

/// <summary>
/// The store's tables as plain rows, for `migrate`, `export` and `import`: the little that differs between the
/// providers when whole tables are copied (how to open, which snapshot, where the schema version lives, identities).
/// </summary>
public abstract class StoreTables
{
    /// <summary>sqlite or postgres, as Storage:Provider names it.</summary>
    public abstract string Provider { get; }

    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>The schema version the store's own migrations recorded; 0 before the first one.</summary>
    public abstract Task<int> SchemaVersionAsync(CancellationToken cancellationToken);

    /// <summary>A read transaction that sees one moment of the store, so an export is consistent while instances write.</summary>
    public abstract Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>After rows were inserted with their ids: the next id each table hands out follows the highest one.</summary>
    public virtual Task ResetIdentitiesAsync(DbConnection connection, DbTransaction transaction, IEnumerable<string> tables,
        CancellationToken cancellationToken) => Task.CompletedTask;
}
