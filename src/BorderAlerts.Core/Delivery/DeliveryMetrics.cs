using System.Collections.Concurrent;

namespace BorderAlerts.Core.Delivery;

/// <summary>
/// What this process's delivery passes did, for /metrics: deliveries by destination and outcome, and how long alerts
/// took from their item's first sighting to their card or line being delivered (a histogram in seconds).
/// </summary>
public sealed class DeliveryMetrics
{
    /// <summary>Upper bounds of the latency buckets, in seconds (Prometheus <c>le</c>); +Inf is implied.</summary>
    public static readonly double[] LatencyBuckets = [1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600, 21600];

    readonly ConcurrentDictionary<(string Destination, string Outcome), long> _deliveries = new();
    readonly long[] _latencyCounts = new long[LatencyBuckets.Length + 1];
    long _latencyCount;
    double _latencySum;
    readonly Lock _latencyLock = new();

    public void Count(string destination, string outcome, int deliveries)
    {
        if (deliveries > 0) _deliveries.AddOrUpdate((destination, outcome), deliveries, (_, n) => n + deliveries);
    }

    public void Latency(TimeSpan latency)
    {
        var seconds = Math.Max(0, latency.TotalSeconds);
        int bucket = Array.FindIndex(LatencyBuckets, b => seconds <= b);
        lock (_latencyLock)
        {
            _latencyCounts[bucket < 0 ? LatencyBuckets.Length : bucket]++;
            _latencyCount++;
            _latencySum += seconds;
        }
    }

    public IReadOnlyList<(string Destination, string Outcome, long Count)> Deliveries =>
        _deliveries.OrderBy(p => p.Key.Destination, StringComparer.Ordinal).ThenBy(p => p.Key.Outcome, StringComparer.Ordinal)
            .Select(p => (p.Key.Destination, p.Key.Outcome, p.Value)).ToList();

    /// <summary>Cumulative counts per bucket (the last is +Inf), the number of observations and their sum.</summary>
    public (long[] Cumulative, long Count, double Sum) LatencySnapshot()
    {
        lock (_latencyLock)
        {
            var cumulative = new long[_latencyCounts.Length];
            long running = 0;
            for (int i = 0; i < cumulative.Length; i++) cumulative[i] = running += _latencyCounts[i];
            return (cumulative, _latencyCount, _latencySum);
        }
    }
}
