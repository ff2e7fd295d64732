namespace BorderAlerts.Core.Storage;

/// <summary>A source's median delays: publication to detection (our first sighting), detection to delivery; null when nothing counts.</summary>
public sealed record SourceLatency(TimeSpan? Detection, TimeSpan? Delivery)
{
    public static readonly SourceLatency None = new(null, null);

    /// <summary>A delay as the CLI table and the panel show it: "–" for none, else 42s, 4m 30s, 2h 5m, 3d 4h.</summary>
    public static string Describe(TimeSpan? delay) => delay switch
    {
        null => "–",
        { TotalSeconds: < 90 } d => $"{d.TotalSeconds:0}s",
        { TotalMinutes: < 90 } d => $"{(int)d.TotalMinutes}m {d.Seconds}s",
        { TotalHours: < 48 } d => $"{(int)d.TotalHours}h {d.Minutes}m",
        var d => $"{(int)d.Value.TotalDays}d {d.Value.Hours}h",
    };
}

/// <summary>
/// Each source's median delays over its recent items (<c>feeds list</c>, the panel's sources page). What counts:
/// - items first seen from the source in the last <see cref="Window"/>, at most <see cref="PerSource"/> newest per source;
/// - publication → detection: only items that could alert (a source's first poll seeds its backlog, which says nothing of
///   delay), with a publication date, not after the first sighting (a future date is a clock or time-zone error) and not
///   more than <see cref="MaxDetection"/> before it (an archive re-dated or backfilled, not news found late);
/// - detection → delivery: every sent delivery of those items' alerts (each destination, card or digest), as the
///   <c>borderalerts_alert_latency_seconds</c> histogram counts them;
/// - the median of an even count is the mean of the middle two.
/// </summary>
public static class SourceLatencies
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(7), MaxDetection = TimeSpan.FromDays(2);
    public const int PerSource = 500, MaxRows = 100_000;

    /// <summary>Reads the window's timings and summarises them per source; a source without any is absent.</summary>
    public static async Task<IReadOnlyDictionary<string, SourceLatency>> ReadAsync(ISourceLatencyReader reader, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var since = now - Window;
        return Summarise(await reader.ItemsSinceAsync(since, MaxRows, cancellationToken), await reader.DeliveriesSinceAsync(since, MaxRows, cancellationToken));
    }

    public static IReadOnlyDictionary<string, SourceLatency> Summarise(IEnumerable<ItemTiming> items, IEnumerable<DeliveryTiming> deliveries)
    {
        var detection = Medians(items.Where(Counts).Select(i => (i.FeedId, i.FirstSeenAt, i.FirstSeenAt - i.PublishedAt!.Value)));
        var delivery = Medians(deliveries.Where(d => d.SentAt >= d.FirstSeenAt).Select(d => (d.FeedId, d.FirstSeenAt, d.SentAt - d.FirstSeenAt)));
        return detection.Keys.Union(delivery.Keys).ToDictionary(id => id,
            id => new SourceLatency(detection.TryGetValue(id, out var a) ? a : null, delivery.TryGetValue(id, out var b) ? b : null));
    }

    static bool Counts(ItemTiming item) =>
        item.Alertable && item.PublishedAt is { } published && published <= item.FirstSeenAt && item.FirstSeenAt - published <= MaxDetection;

    static Dictionary<string, TimeSpan> Medians(IEnumerable<(string FeedId, DateTimeOffset SeenAt, TimeSpan Delay)> samples) =>
        samples.GroupBy(s => s.FeedId).ToDictionary(g => g.Key,
            g => Median([.. g.OrderByDescending(s => s.SeenAt).Take(PerSource).Select(s => s.Delay).Order()]));

    static TimeSpan Median(IReadOnlyList<TimeSpan> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}
