using System.Data.Common;
using System.Text.Json;
using BorderAlerts.Core.Delivery;
using BorderAlerts.Core.Items;
using BorderAlerts.Core.Rules.Matching;
using BorderAlerts.Core.Storage;

namespace BorderAlerts.Storage;

/// <summary>
/// An alerting item's alerts (highest severity first) and the outbox rows that will deliver them, inside the item's
/// transaction, one SQL text for both stores. Where each goes, card or reply, is <see cref="CardOrReply"/>'s call: the
/// store only looks up the story's card at each destination.
/// </summary>
internal static class AlertWriter
{
    /// <summary>Each alerting item's story (<see cref="StoryWriter"/>), then its alerts and their deliveries.</summary>
    public static async Task<List<AlertRecord>> WriteAsync(DbConnection connection, SqlDialect dialect,
        IEnumerable<(StoredItem Item, CandidateItem Candidate)> alerting, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var records = new List<AlertRecord>();
        foreach (var (item, candidate) in alerting)
        {
            var story = await StoryWriter.AssignAsync(connection, dialect, item.Id, candidate.PlacementFor(item.FeedId, item.Language), at, cancellationToken);
            var carded = new HashSet<string>();
            foreach (var match in candidate.Matches)
            {
                var alertId = await InsertAlertAsync(connection, item.Id, match, at, cancellationToken);
                foreach (var destination in CardOrReply.Destinations(match.To, carded))
                    await EnqueueAsync(connection, alertId, story, destination, at, cancellationToken);
                records.Add(new AlertRecord(alertId, item, match));
            }
        }
        return records;
    }

    static async Task<long> InsertAlertAsync(DbConnection connection, long itemId, RuleMatch match, DateTimeOffset at, CancellationToken cancellationToken) =>
        (long)(await Db.Scalar(connection, """
            INSERT INTO alerts (item_id, rule_id, rule_name, severity, destinations, terms, created_at)
            VALUES (@item, @rule, @name, @severity, @to, @terms, @at) RETURNING id
            """, cancellationToken,
            ("item", itemId), ("rule", match.RuleId), ("name", match.RuleName), ("severity", match.Severity.ToString().ToLowerInvariant()),
            ("to", JsonSerializer.Serialize(match.To)), ("terms", JsonSerializer.Serialize(match.Terms)), ("at", Db.Ms(at))))!;

    static async Task EnqueueAsync(DbConnection connection, long alertId, long storyId, string destination, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        var (kind, parentId) = CardOrReply.For(await Db.Scalar(connection, """
            SELECT id FROM deliveries WHERE story_id = @story AND destination = @dest AND kind = 'card' AND status <> 'dead'
            ORDER BY id LIMIT 1
            """, cancellationToken, ("story", storyId), ("dest", destination)) as long?);
        await Db.Run(connection, """
            INSERT INTO deliveries (alert_id, destination, story_id, kind, parent_id, next_attempt_at, created_at)
            VALUES (@alert, @dest, @story, @kind, @parent, @at, @at)
            """, cancellationToken, ("alert", alertId), ("dest", destination), ("story", storyId),
            ("kind", kind), ("parent", parentId), ("at", Db.Ms(at)));
    }
}
