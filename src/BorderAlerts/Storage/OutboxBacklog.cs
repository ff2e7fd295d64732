using System.Data.Common;
using BorderAlerts.Core.Delivery;

namespace BorderAlerts.Storage;

/// <summary>The outbox's backlog for /metrics, the same query on both stores (times are Unix milliseconds on both).</summary>
internal static class OutboxBacklog
{
    public static async Task<OutboxStats> ReadAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*), min(created_at) FROM deliveries WHERE status = 'pending'";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new OutboxStats(reader.GetInt64(0), reader.IsDBNull(1) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)));
    }
}
