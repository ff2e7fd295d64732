namespace BorderAlerts.Core.Storage;

/// <summary>
/// The publication times of the items a source listed most recently, as the store has them, and for undated items their
/// first sightings by the source after its first poll: what <c>every: auto</c> learns from when this process knows
/// nothing of the source yet (after a restart).
/// </summary>
public interface IPublishingHistory
{
    /// <summary>Up to <paramref name="max"/> such times of the source's items, the most recently seen first.</summary>
    Task<IReadOnlyList<DateTimeOffset>> RecentAsync(string feedId, int max, CancellationToken cancellationToken);
}
