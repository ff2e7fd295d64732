using BorderAlerts.Core.Admin;

namespace BorderAlerts.Storage.Sqlite;

/// <summary>Chat-made state and its audit record (<see cref="AdminStatements"/>); writes take the one write lock.</summary>
public sealed class SqliteAdminStore(SqliteDatabase database) : IAdminStore
{
    public async Task<AdminState> LoadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken); // one snapshot for both reads
        return await AdminStatements.LoadAsync(connection, cancellationToken);
    }

    public async Task<AdminChange> ApplyAsync(AdminWrite write, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await database.WriteLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var change = await AdminStatements.ApplyAsync(connection, write, at, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return change;
        }
        finally { database.WriteLock.Release(); }
    }

    public async Task<IReadOnlyList<AdminChange>> HistoryAsync(string? target, long? before, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await AdminStatements.HistoryAsync(connection, target, before, limit, cancellationToken);
    }
}
