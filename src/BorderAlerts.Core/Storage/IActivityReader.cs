namespace BorderAlerts.Core.Storage;

/// <summary>
/// Counts per UTC day for charts: items each source brought (its sightings) and alerts each rule raised, since a time.
/// Days without any are absent; one query answers all the sources or rules asked for.
/// </summary>
public interface IActivityReader
{
    /// <summary>Per feed id (only those in <paramref name="feedIds"/>), per UTC day: items first seen from it that day.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyDictionary<DateOnly, int>>> ItemsPerDayAsync(IReadOnlyList<string> feedIds, DateTimeOffset since,
        CancellationToken cancellationToken);

    /// <summary>Per rule id, per UTC day: alerts created that day.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyDictionary<DateOnly, int>>> AlertsPerDayAsync(DateTimeOffset since, CancellationToken cancellationToken);
}
