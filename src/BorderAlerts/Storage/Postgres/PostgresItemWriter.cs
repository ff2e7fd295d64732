using System.Text.Json;
using BorderAlerts.Core.Items;
using BorderAlerts.Core.Rules.Matching;
using BorderAlerts.Core.Storage;
using Npgsql;

namespace BorderAlerts.Storage.Postgres;

/// <summary>
/// Stores a poll's items inside the caller's transaction: one lookup of the poll's keys, <see cref="PollTriage"/>
/// decides (new, sighting, promotion, alert), and what it returns is written set-at-a-time. Identity is global, so
/// writers on every instance first take one transaction-scoped advisory lock: two feeds carrying the same article,
/// polled at once on two instances, make one item, and no story opens twice. Fetching, the slow part, stays parallel.
/// </summary>
internal sealed class PostgresItemWriter(NpgsqlConnection connection, PollCompletion completion)
{
    /// <summary>Advisory lock key for item identity ("BAitems").</summary>
    internal const long IdentityLock = 0x4241_6974_656D_73;

    public async Task<PollCommit> WriteAsync(CancellationToken cancellationToken)
    {
        if (completion.Items.Count == 0) return new PollCommit([], 0);
        await PgSql.Run(connection, "SELECT pg_advisory_xact_lock(@key)", cancellationToken, ("key", IdentityLock));
        var known = await PostgresItemBatch.KnownKeysAsync(connection, [.. completion.Items.SelectMany(c => c.Keys).Distinct()], cancellationToken);
        var sighted = await PostgresItemBatch.SightedAsync(connection, completion.FeedId, [.. known.Values.Select(k => k.Id).Distinct()], cancellationToken);
        var triage = PollTriage.Decide(completion.Items, known, sighted, completion.AlertOnNew, completion.At);
        var ids = (await PostgresItemBatch.AllocateIdsAsync(connection, triage.NewItems, cancellationToken)).ToArray();
        long Id(ItemRef item) => item.KnownId ?? ids[item.NewSlot];

        var fresh = triage.Items.Where(t => t.Item.IsNew && t.FirstSighting).ToList();
        var evidenceId = fresh.Count > 0 ? await PostgresItemBatch.InsertEvidenceAsync(connection, completion, cancellationToken) : null;
        await PostgresItemBatch.InsertItemsAsync(connection, completion, [.. fresh.Select(t => (Id(t.Item), t.Candidate))], evidenceId, cancellationToken);
        await PostgresItemBatch.InsertKeysAsync(connection, [.. triage.NewKeys.Select(k => (k.Key, Id(k.Item)))], cancellationToken);
        await PostgresItemBatch.InsertSightingsAsync(connection, completion, [.. triage.Items.Where(t => t.FirstSighting).Select(t => Id(t.Item))], cancellationToken);
        await PostgresItemBatch.PromoteAsync(connection, [.. triage.Items.Where(t => t.Promote).Select(t => Id(t.Item))], cancellationToken);

        var stored = fresh.Select(t => new StoredItem(Id(t.Item), completion.FeedId, t.Candidate.Item, completion.Language, completion.AlertOnNew)).ToList();
        var alerts = new List<AlertRecord>();
        foreach (var t in triage.Items.Where(t => t.Alert))
            alerts.AddRange(await AlertAsync(new StoredItem(Id(t.Item), completion.FeedId, t.Candidate.Item, completion.Language, true), t.Candidate, cancellationToken));
        return new PollCommit(stored, completion.Items.Count - stored.Count) { Alerts = alerts };
    }

    /// <summary>Alerts for an item (highest severity first), its story, and the outbox rows that will deliver them.</summary>
    async Task<List<AlertRecord>> AlertAsync(StoredItem item, CandidateItem candidate, CancellationToken cancellationToken)
    {
        var story = await PostgresStoryWriter.AssignAsync(connection, item.Id, candidate.PlacementFor(item.FeedId, item.Language), completion.At, cancellationToken);
        var carded = new HashSet<string>();
        var records = new List<AlertRecord>();
        foreach (var match in candidate.Matches)
        {
            var alertId = await InsertAlertAsync(item.Id, match, cancellationToken);
            await PostgresDeliveryWriter.EnqueueAsync(connection, alertId, story, match.To, carded, completion.At, cancellationToken);
            records.Add(new AlertRecord(alertId, item, match));
        }
        return records;
    }

    async Task<long> InsertAlertAsync(long itemId, RuleMatch match, CancellationToken cancellationToken) =>
        (long)(await PgSql.Scalar(connection, """
            INSERT INTO alerts (item_id, rule_id, rule_name, severity, destinations, terms, created_at)
            VALUES (@item, @rule, @name, @severity, @to, @terms, @at) RETURNING id
            """, cancellationToken,
            ("item", itemId), ("rule", match.RuleId), ("name", match.RuleName), ("severity", match.Severity.ToString().ToLowerInvariant()),
            ("to", JsonSerializer.Serialize(match.To)), ("terms", JsonSerializer.Serialize(match.Terms)), ("at", PgSql.Ms(completion.At))))!;
}
