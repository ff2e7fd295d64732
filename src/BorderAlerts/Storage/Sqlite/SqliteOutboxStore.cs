using BorderAlerts.Core.Delivery;

namespace BorderAlerts.Storage.Sqlite;

/// <summary>The outbox on SQLite (<see cref="OutboxStatements"/>): claims and records take the one write lock.</summary>
public sealed class SqliteOutboxStore(SqliteDatabase database) : IOutboxStore, ISentMessages
{
    public async Task<IReadOnlyList<OutboxEntry>> ClaimAsync(DateTimeOffset now, int max, TimeSpan lease, CancellationToken cancellationToken)
    {
        await database.WriteLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var entries = await OutboxStatements.ClaimAsync(connection, SqlDialect.Sqlite, now, max, lease, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return entries;
        }
        finally { database.WriteLock.Release(); }
    }

    public async Task<OutboxStats> StatsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await OutboxBacklog.ReadAsync(connection, cancellationToken);
    }

    public async Task RecordAsync(DeliveryRecord record, CancellationToken cancellationToken)
    {
        if (record.Ids.Count == 0) return;
        await database.WriteLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await OutboxStatements.RecordAsync(connection, SqlDialect.Sqlite, record, cancellationToken);
        }
        finally { database.WriteLock.Release(); }
    }

    public async Task<IReadOnlyList<OutboxEntry>> SentInAsync(string destination, string messageId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await OutboxStatements.SentInAsync(connection, SqlDialect.Sqlite, destination, messageId, cancellationToken);
    }
}
