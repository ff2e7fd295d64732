using BorderAlerts.Core.Storage;

namespace BorderAlerts.Storage.Sqlite;

/// <summary>Seen request keys in seen_requests; expired rows are deleted in the same transaction that adds one.</summary>
public sealed class SqliteSeenRequests(SqliteDatabase database) : ISeenRequests
{
    public async Task<bool> FirstSeenAsync(byte[] key, DateTimeOffset expires, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await database.WriteLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await Sql.Run(connection, "DELETE FROM seen_requests WHERE expires_at <= $now", cancellationToken, ("$now", Sql.Ms(now)));
            var added = await Sql.Run(connection, "INSERT INTO seen_requests (key, expires_at) VALUES ($key, $expires) ON CONFLICT DO NOTHING",
                cancellationToken, ("$key", key), ("$expires", Sql.Ms(expires)));
            await transaction.CommitAsync(cancellationToken);
            return added == 1;
        }
        finally { database.WriteLock.Release(); }
    }
}
