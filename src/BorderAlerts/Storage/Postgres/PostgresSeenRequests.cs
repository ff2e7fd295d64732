using BorderAlerts.Core.Storage;

namespace BorderAlerts.Storage.Postgres;

/// <summary>
/// Seen request keys in seen_requests, shared by every instance: the primary key decides which of two instances that
/// receive the same request at once answers it. Expired rows are deleted as keys are added. Not retried on a lost
/// connection: an insert that committed unseen would refuse the genuine request as its own replay.
/// </summary>
public sealed class PostgresSeenRequests(PostgresDatabase database) : ISeenRequests
{
    public async Task<bool> FirstSeenAsync(byte[] key, DateTimeOffset expires, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await SeenRequestRows.AddAsync(connection, key, expires, now, cancellationToken);
    }
}
