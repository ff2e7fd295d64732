using System.Globalization;
using System.Text;
using BorderAlerts.Core.Delivery;

namespace BorderAlerts.Hosting;

/// <summary>The delivery part of /metrics: deliveries by outcome, the outbox's backlog and age, and alert latency.</summary>
internal static class DeliveryMetricsText
{
    public static void Append(StringBuilder text, DeliveryMetrics deliveries, OutboxStats stats, DateTimeOffset now)
    {
        text.AppendLine("# HELP borderalerts_deliveries_total Deliveries by destination and outcome (sent, rate_limited, failed, refused, muted) since this process started")
            .AppendLine("# TYPE borderalerts_deliveries_total counter");
        foreach (var (destination, outcome, count) in deliveries.Deliveries)
            text.Append("borderalerts_deliveries_total{destination=\"").Append(Escape(destination)).Append("\",outcome=\"").Append(outcome)
                .Append("\"} ").AppendLine(count.ToString(CultureInfo.InvariantCulture));
        MetricsEndpoint.Gauge(text, "borderalerts_outbox_pending", "Deliveries waiting in the outbox", [("", stats.Pending)]);
        MetricsEndpoint.Gauge(text, "borderalerts_outbox_oldest_seconds", "Age of the oldest waiting delivery (0 when none waits)",
            [("", stats.OldestCreatedAt is { } oldest ? Math.Max(0, (now - oldest).TotalSeconds) : 0)]);
        var (cumulative, observations, sum) = deliveries.LatencySnapshot();
        text.AppendLine("# HELP borderalerts_alert_latency_seconds From an item's first sighting to its alert being delivered")
            .AppendLine("# TYPE borderalerts_alert_latency_seconds histogram");
        for (int i = 0; i < cumulative.Length; i++)
        {
            var le = i < DeliveryMetrics.LatencyBuckets.Length ? DeliveryMetrics.LatencyBuckets[i].ToString(CultureInfo.InvariantCulture) : "+Inf";
            text.Append("borderalerts_alert_latency_seconds_bucket{le=\"").Append(le).Append("\"} ").AppendLine(cumulative[i].ToString(CultureInfo.InvariantCulture));
        }
        text.Append("borderalerts_alert_latency_seconds_sum ").AppendLine(sum.ToString(CultureInfo.InvariantCulture))
            .Append("borderalerts_alert_latency_seconds_count ").AppendLine(observations.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Destination names come from settings; quotes and backslashes are escaped as the text format asks.</summary>
    static string Escape(string value) => value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n");
}
