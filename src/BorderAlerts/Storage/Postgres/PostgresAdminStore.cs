using System.Data;
using BorderAlerts.Core.Admin;

namespace BorderAlerts.Storage.Postgres;

/// <summary>
/// Chat-made state and its audit record (<see cref="AdminStatements"/>), shared by every instance. Writes from all
/// instances queue on one transaction-scoped advisory lock, so each reads the state it really replaces (no change is
/// lost between two instances) and change ids commit in order: a reader that has seen change N has seen every change
/// before it, which is what <see cref="AdminState.Version"/> promises.
/// </summary>
public sealed class PostgresAdminStore(PostgresDatabase database) : IAdminStore
{
    /// <summary>Advisory lock key for admin writes ("BAadmin").</summary>
    internal const long WriteLock = 0x4241_6164_6D69_6E;

    public async Task<AdminState> LoadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // One snapshot for both reads, so the version matches the values.
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var state = await AdminStatements.LoadAsync(connection, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return state;
    }

    public Task<AdminChange> ApplyAsync(AdminWrite write, DateTimeOffset at, CancellationToken cancellationToken) =>
        PostgresRetry.RunAsync(async () =>
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await Db.Run(connection, "SELECT pg_advisory_xact_lock(@key)", cancellationToken, ("key", WriteLock));
            var change = await AdminStatements.ApplyAsync(connection, write, at, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return change;
        });

    public async Task<IReadOnlyList<AdminChange>> HistoryAsync(string? target, long? before, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await AdminStatements.HistoryAsync(connection, target, before, limit, cancellationToken);
    }
}
