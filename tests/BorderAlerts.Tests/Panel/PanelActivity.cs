using BorderAlerts.Tests.Infrastructure;

namespace BorderAlerts.Tests.Panel;

/// <summary>Stored activity for the panel's charts, written straight into the tables: an item seen from a feed at a time, alerted by a rule or not.</summary>
static class PanelActivity
{
    public sealed record Seen(string FeedId, DateTimeOffset At, string? RuleId = null, string? Title = null);

    static long _next = 10_000;

    public static async Task SeedAsync(IServiceProvider services, params Seen[] rows)
    {
        var probe = StoreProbe.For(services);
        foreach (var (feed, at, rule, title) in rows)
        {
            var id = Interlocked.Increment(ref _next);
            var ms = at.ToUnixTimeMilliseconds();
            await probe.ExecuteAsync($"INSERT INTO items (id, title, text, first_seen_at, first_feed_id, content_hash) VALUES ({id}, '{title ?? $"t{id}"}', 'x', {ms}, '{feed}', 'h{id}')");
            await probe.ExecuteAsync($"INSERT INTO sightings (item_id, feed_id, seen_at) VALUES ({id}, '{feed}', {ms})");
            if (rule is not null)
                await probe.ExecuteAsync($"INSERT INTO alerts (item_id, rule_id, severity, destinations, terms, created_at) VALUES ({id}, '{rule}', 'normal', '[]', '[]', {ms})");
        }
    }
}
