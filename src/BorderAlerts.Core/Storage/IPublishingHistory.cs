namespace BorderAlerts.Core.Storage;

/// <summary>
/// The publication times of the items a source listed most recently, as the store has them: what <c>every: auto</c>
/// learns from when this process has not fetched the source's body since it started (a restart, then 304s).
/// </summary>
public interface IPublishingHistory
{
    /// <summary>Up to <paramref name="max"/> publication times of the source's items, the most recently seen first.</summary>
    Task<IReadOnlyList<DateTimeOffset>> RecentAsync(string feedId, int max, CancellationToken cancellationToken);
}
