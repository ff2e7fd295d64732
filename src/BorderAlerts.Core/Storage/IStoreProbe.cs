namespace BorderAlerts.Core.Storage;

/// <summary>Whether the store can be read and written now, for /healthz.</summary>
public interface IStoreProbe
{
    /// <summary>Null when the store answers reads and writes; else what is wrong, in words safe to show (no secrets).</summary>
    Task<string?> ProblemAsync(CancellationToken cancellationToken);
}
