using System.Globalization;
using System.Text;
using BorderAlerts.Core.Delivery;
using BorderAlerts.Core.Storage;

namespace BorderAlerts.Hosting;

/// <summary>GET /metrics: feed health and delivery in the Prometheus text format, so failing sources and stuck alerts show on a dashboard.</summary>
public static class MetricsEndpoint
{
    public static void MapMetrics(this WebApplication app) => app.MapGet("/metrics", async (IFeedHealthReader health, IOutboxStore outbox,
        DeliveryMetrics deliveries, TimeProvider clock, CancellationToken ct) =>
    {
        var now = clock.GetUtcNow();
        var feeds = await health.ListHealthAsync(now, ct);
        var text = new StringBuilder();
        Gauge(text, "borderalerts_feeds", "Configured feeds", [("", feeds.Count(f => f.Enabled))]);
        Gauge(text, "borderalerts_feed_consecutive_failures", "Consecutive failed polls per feed",
            feeds.Where(f => f.Enabled).Select(f => (Label(f.FeedId), (double)f.ConsecutiveFailures)));
        Gauge(text, "borderalerts_feed_last_success_timestamp_seconds", "Unix time of the last successful poll",
            feeds.Where(f => f.LastSuccessAt is not null).Select(f => (Label(f.FeedId), (double)f.LastSuccessAt!.Value.ToUnixTimeSeconds())));
        Gauge(text, "borderalerts_feed_items_24h", "Items first seen in the last 24 hours per feed",
            feeds.Where(f => f.Enabled).Select(f => (Label(f.FeedId), (double)f.ItemsLast24h)));
        var stats = await outbox.StatsAsync(ct);
        DeliveryMetricsText.Append(text, deliveries, stats, now);
        return Results.Text(text.ToString(), "text/plain; version=0.0.4; charset=utf-8");
    });

    static string Label(string feedId) => $"{{feed=\"{feedId}\"}}";

    internal static void Gauge(StringBuilder text, string name, string help, IEnumerable<(string Labels, double Value)> samples)
    {
        text.Append("# HELP ").Append(name).Append(' ').AppendLine(help).Append("# TYPE ").Append(name).AppendLine(" gauge");
        foreach (var (labels, value) in samples)
            text.Append(name).Append(labels).Append(' ').AppendLine(value.ToString(CultureInfo.InvariantCulture));
    }
}
