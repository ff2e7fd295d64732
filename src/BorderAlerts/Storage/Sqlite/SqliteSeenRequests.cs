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
            var added = await SeenRequestRows.AddAsync(connection, key, expires, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return added;
        }
        finally { database.WriteLock.Release(); }
    }
}
