using BorderAlerts.Core.Delivery;

namespace BorderAlerts.Storage.Postgres;

/// <summary>
/// The outbox on PostgreSQL (<see cref="OutboxStatements"/>). The claim locks its rows with FOR UPDATE SKIP LOCKED, so
/// instances claiming at once take disjoint deliveries and each alert is sent once; a dead instance's lease runs out
/// and another instance takes the rows.
/// </summary>
public sealed class PostgresOutboxStore(PostgresDatabase database) : IOutboxStore, ISentMessages
{
    public async Task<IReadOnlyList<OutboxEntry>> ClaimAsync(DateTimeOffset now, int max, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var entries = await OutboxStatements.ClaimAsync(connection, SqlDialect.Postgres, now, max, lease, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return entries;
    }

    public async Task<OutboxStats> StatsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await OutboxBacklog.ReadAsync(connection, cancellationToken);
    }

    public async Task RecordAsync(DeliveryRecord record, CancellationToken cancellationToken)
    {
        if (record.Ids.Count == 0) return;
        await using var connection = await database.OpenAsync(cancellationToken);
        await OutboxStatements.RecordAsync(connection, SqlDialect.Postgres, record, cancellationToken);
    }

    public async Task<IReadOnlyList<OutboxEntry>> SentInAsync(string destination, string messageId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await OutboxStatements.SentInAsync(connection, SqlDialect.Postgres, destination, messageId, cancellationToken);
    }
}
