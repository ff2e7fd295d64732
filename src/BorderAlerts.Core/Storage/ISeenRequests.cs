namespace BorderAlerts.Core.Storage;

/// <summary>
/// Keys of signed requests already answered, kept until they expire, so the same request sent again within its signing
/// window is refused by every instance that shares the store. Expired keys are pruned as new ones arrive.
/// </summary>
public interface ISeenRequests
{
    /// <summary>
    /// Records <paramref name="key"/> until <paramref name="expires"/>: true the first time, false when it is already
    /// recorded and has not expired by <paramref name="now"/>.
    /// </summary>
    Task<bool> FirstSeenAsync(byte[] key, DateTimeOffset expires, DateTimeOffset now, CancellationToken cancellationToken);
}
