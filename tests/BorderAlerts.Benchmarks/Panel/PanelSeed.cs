using System.Text;
using BorderAlerts.Benchmarks.Search;
using BorderAlerts.Core.Rules;

namespace BorderAlerts.Benchmarks.Panel;

/// <summary>
/// The store and configuration the panel benchmark reads: items through the archive benchmark's ingest (the product's
/// write path), then, in SQL, an alert for one item in <see cref="AlertEvery"/> (rules of the shipped pack), a delivery
/// for each (one in 97 dead-lettered), and admin changes for the history page. The feeds file names
/// <c>feeds</c> sources: the corpus's, then generated ones that never published.
/// </summary>
internal static class PanelSeed
{
    public const int AlertEvery = 20;
    /// <summary>The archive spans a year up to now, as the archive search benchmark's does: 30 days hold about 82,000 items.</summary>
    public const int Days = 365;

    public static async Task FillAsync(ISearchBenchStore archive, string root, long items, TextWriter log, CancellationToken cancellationToken)
    {
        await SearchIngest.RunAsync(archive, new SearchCorpus(root, items, Days, DateTimeOffset.UtcNow), items, 4, 16, log, cancellationToken);
        await archive.CaughtUpAsync();
        var rules = RuleIds(root);
        var rule = new StringBuilder("CASE id % ").Append(rules.Count);
        for (int k = 0; k < rules.Count; k++) rule.Append($" WHEN {k} THEN '{rules[k]}'");
        rule.Append(" END");
        await archive.ExecuteAsync($"""
            INSERT INTO alerts (item_id, rule_id, rule_name, severity, destinations, terms, created_at)
                SELECT id, {rule}, {rule}, 'high', '["analysts"]', '[]', first_seen_at FROM items WHERE id % {AlertEvery} = 0;
            INSERT INTO deliveries (alert_id, destination, kind, status, attempts, next_attempt_at, last_error, created_at, sent_at)
                SELECT id, 'analysts', 'card', CASE WHEN id % 97 = 0 THEN 'dead' ELSE 'sent' END, 1, created_at,
                       CASE WHEN id % 97 = 0 THEN 'HTTP 404 from discord-webhook' END, created_at, created_at FROM alerts;
            INSERT INTO admin_changes (at, actor, kind, target, action, before, after)
                SELECT first_seen_at, 'discord:42 (bench)', 'rule', {rule}, 'edit', NULL, NULL FROM items WHERE id % 2000 = 0;
            """, cancellationToken);
        log.WriteLine($"seeded alerts (one item in {AlertEvery}), their deliveries and admin changes");
    }

    public static IReadOnlyList<string> RuleIds(string root) =>
        RulesFile.Parse(File.ReadAllText(Path.Combine(root, "config", "rules.yaml")), "rules.yaml").Rules.Select(r => r.Rule.Id).ToList();

    /// <summary>A config folder: the shipped rules and watchlists, and a feeds file of <paramref name="feeds"/> sources.</summary>
    public static string WriteConfig(string root, string dir, int feeds)
    {
        Directory.CreateDirectory(dir);
        foreach (var name in new[] { "rules.yaml", "watchlists.yaml" }) File.Copy(Path.Combine(root, "config", name), Path.Combine(dir, name), true);
        var yaml = new StringBuilder("feeds:\n");
        var ids = SearchCorpus.FeedIds.Concat(Enumerable.Range(1, Math.Max(0, feeds - SearchCorpus.FeedIds.Count)).Select(n => $"quiet-{n:D5}"));
        foreach (var id in ids)
            yaml.Append($"  - id: {id}\n    name: Source {id}\n    url: {SearchIngest.FeedUrl(id)}\n");
        File.WriteAllText(Path.Combine(dir, "feeds.yaml"), yaml.ToString());
        return dir;
    }
}
