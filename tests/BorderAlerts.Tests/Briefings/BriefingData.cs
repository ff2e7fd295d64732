using BorderAlerts.Tests.Infrastructure;

namespace BorderAlerts.Tests.Briefings;

/// <summary>Alerted items for briefings, written straight into the tables: an item from a feed, alerted by a rule at a time, in a story, seen by more feeds, with a kept translation.</summary>
static class BriefingData
{
    public sealed record Alerted(string FeedId, DateTimeOffset At, string RuleId, string Severity = "normal", string? Title = null, long? Story = null,
        string[]? AlsoSeenBy = null, string? TranslatedTitle = null, string Language = "zh");

    static long _next = 50_000;

    public static async Task<long> SeedAsync(IServiceProvider services, params Alerted[] rows)
    {
        var probe = StoreProbe.For(services);
        long id = 0;
        foreach (var row in rows)
        {
            id = Interlocked.Increment(ref _next);
            var ms = row.At.ToUnixTimeMilliseconds();
            if (row.Story is { } story && await probe.CountAsync("stories", $"id = {story}") == 0)
                await probe.ExecuteAsync($"INSERT INTO stories (id, signature, first_item_id, created_at, last_seen_at) VALUES ({story}, '\\x00', {id}, {ms}, {ms})");
            await probe.ExecuteAsync($"""
                INSERT INTO items (id, title, url, text, language, first_seen_at, first_feed_id, content_hash, story_id)
                VALUES ({id}, '{row.Title ?? $"Item {id}"}', 'https://news.example/{id}', 'text of {id}', '{row.Language}', {ms}, '{row.FeedId}', 'h{id}', {(row.Story is { } s ? s : "NULL")})
                """);
            foreach (var feed in (row.AlsoSeenBy ?? []).Prepend(row.FeedId))
                await probe.ExecuteAsync($"INSERT INTO sightings (item_id, feed_id, seen_at) VALUES ({id}, '{feed}', {ms})");
            await probe.ExecuteAsync($"INSERT INTO alerts (item_id, rule_id, rule_name, severity, destinations, terms, created_at) VALUES ({id}, '{row.RuleId}', 'Rule {row.RuleId}', '{row.Severity}', '[]', '[]', {ms})");
            if (row.TranslatedTitle is { } translated)
                await probe.ExecuteAsync($"INSERT INTO translations (item_id, field, language, text, provider, translated_at) VALUES ({id}, 'title', 'en', '{translated}', 'deepl', {ms})");
        }
        return id;
    }
}
