using System.Data.Common;

namespace BorderAlerts.Storage;

/// <summary>Answered chat requests in seen_requests, one SQL text for both stores: expired keys go as a key is added.</summary>
internal static class SeenRequestRows
{
    /// <summary>True when the key was not there yet; the primary key decides between two callers adding it at once.</summary>
    public static async Task<bool> AddAsync(DbConnection connection, byte[] key, DateTimeOffset expires, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await Db.Run(connection, "DELETE FROM seen_requests WHERE expires_at <= @now", cancellationToken, ("now", Db.Ms(now)));
        return await Db.Run(connection, "INSERT INTO seen_requests (key, expires_at) VALUES (@key, @expires) ON CONFLICT (key) DO NOTHING",
            cancellationToken, ("key", key), ("expires", Db.Ms(expires))) == 1;
    }
}
