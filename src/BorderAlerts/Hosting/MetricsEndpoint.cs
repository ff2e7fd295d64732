using System.Globalization;
using System.Text;
using BorderAlerts.Core.Storage;

namespace BorderAlerts.Hosting;

/// <summary>GET /metrics: feed health in the Prometheus text format, so failing sources show on a dashboard.</summary>
public static class MetricsEndpoint
{
    public static void MapMetrics(this WebApplication app) => app.MapGet("/metrics", async (IFeedHealthReader health, TimeProvider clock, CancellationToken ct) =>
    {
        var feeds = await health.ListHealthAsync(clock.GetUtcNow(), ct);
        var text = new StringBuilder();
        Gauge(text, "borderalerts_feeds", "Configured feeds", [("", feeds.Count(f => f.Enabled))]);
        Gauge(text, "borderalerts_feed_consecutive_failures", "Consecutive failed polls per feed",
            feeds.Where(f => f.Enabled).Select(f => (Label(f.FeedId), (double)f.ConsecutiveFailures)));
        Gauge(text, "borderalerts_feed_last_success_timestamp_seconds", "Unix time of the last successful poll",
            feeds.Where(f => f.LastSuccessAt is not null).Select(f => (Label(f.FeedId), (double)f.LastSuccessAt!.Value.ToUnixTimeSeconds())));
        Gauge(text, "borderalerts_feed_items_24h", "Items first seen in the last 24 hours per feed",
            feeds.Where(f => f.Enabled).Select(f => (Label(f.FeedId), (double)f.ItemsLast24h)));
        return Results.Text(text.ToString(), "text/plain; version=0.0.4");
    });

    static string Label(string feedId) => $"{{feed=\"{feedId}\"}}";

    static void Gauge(StringBuilder text, string name, string help, IEnumerable<(string Labels, double Value)> samples)
    {
        text.Append("# HELP ").Append(name).Append(' ').AppendLine(help).Append("# TYPE ").Append(name).AppendLine(" gauge");
        foreach (var (labels, value) in samples)
            text.Append(name).Append(labels).Append(' ').AppendLine(value.ToString(CultureInfo.InvariantCulture));
    }
}
