using System.Text.Json;
using BorderAlerts.Core.Items;
using BorderAlerts.Core.Rules.Matching;
using BorderAlerts.Core.Storage;
using Npgsql;

namespace BorderAlerts.Storage.Postgres;

/// <summary>
/// Stores a poll's items inside the caller's transaction with the SQLite writer's rules: an item whose any key is
/// already known (in the database or earlier in this poll) is a sighting of the stored item, and its new keys are
/// added; otherwise it is new, with its evidence. The decisions are made in memory over one key lookup and written
/// set-at-a-time. Identity is global, so writers on every instance first take one transaction-scoped advisory lock:
/// two feeds carrying the same article, polled at once on two instances, make one item, and no story opens twice.
/// Fetching, the slow part, stays parallel.
/// </summary>
internal sealed class PostgresItemWriter(NpgsqlConnection connection, PollCompletion completion)
{
    /// <summary>Advisory lock key for item identity ("BAitems").</summary>
    internal const long IdentityLock = 0x4241_6974_656D_73;

    /// <summary>What one candidate turned out to be, in feed order: alerts are written in that order.</summary>
    sealed record Outcome(long ItemId, CandidateItem Candidate, bool IsNew, bool FirstSighting);

    public async Task<PollCommit> WriteAsync(CancellationToken cancellationToken)
    {
        if (completion.Items.Count == 0) return new PollCommit([], 0);
        await PgSql.Run(connection, "SELECT pg_advisory_xact_lock(@key)", cancellationToken, ("key", IdentityLock));
        var known = await PostgresItemBatch.KnownKeysAsync(connection, [.. completion.Items.SelectMany(c => c.Keys).Distinct()], cancellationToken);
        var sighted = await PostgresItemBatch.SightedAsync(connection, completion.FeedId, [.. known.Values.Distinct()], cancellationToken);
        var ids = await PostgresItemBatch.AllocateIdsAsync(connection, completion.Items.Count(c => !c.Keys.Any(known.ContainsKey)), cancellationToken);

        var outcomes = new List<Outcome>();
        var newKeys = new List<(string, long)>();
        foreach (var candidate in completion.Items)
        {
            var existing = candidate.Keys.Select(k => known.TryGetValue(k, out var id) ? id : (long?)null).FirstOrDefault(id => id is not null);
            var itemId = existing ?? ids.Dequeue();
            foreach (var key in candidate.Keys)
                if (known.TryAdd(key, itemId)) newKeys.Add((key, itemId));
            outcomes.Add(new Outcome(itemId, candidate, existing is null, sighted.Add(itemId)));
        }
        var fresh = outcomes.Where(o => o.IsNew).ToList();
        var evidenceId = fresh.Count > 0 ? await PostgresItemBatch.InsertEvidenceAsync(connection, completion, cancellationToken) : null;
        await PostgresItemBatch.InsertItemsAsync(connection, completion, [.. fresh.Select(o => (o.ItemId, o.Candidate))], evidenceId, cancellationToken);
        await PostgresItemBatch.InsertKeysAsync(connection, newKeys, cancellationToken);
        await PostgresItemBatch.InsertSightingsAsync(connection, completion, [.. outcomes.Where(o => o.FirstSighting).Select(o => o.ItemId)], cancellationToken);

        var stored = fresh.Select(o => new StoredItem(o.ItemId, completion.FeedId, o.Candidate.Item, completion.Language, completion.AlertOnNew)).ToList();
        var alerts = await AlertAllAsync(outcomes, stored, cancellationToken);
        return new PollCommit(stored, completion.Items.Count - stored.Count) { Alerts = alerts };
    }

    async Task<List<AlertRecord>> AlertAllAsync(List<Outcome> outcomes, List<StoredItem> stored, CancellationToken cancellationToken)
    {
        var alerts = new List<AlertRecord>();
        if (!completion.AlertOnNew) return alerts;
        var storedById = stored.ToDictionary(s => s.Id);
        foreach (var o in outcomes.Where(o => o.Candidate.Matches.Count > 0 && (o.IsNew || o.FirstSighting)))
        {
            if (o.IsNew) alerts.AddRange(await AlertAsync(storedById[o.ItemId], o.Candidate, cancellationToken));
            else if (await PromoteAsync(o.ItemId, cancellationToken))
                alerts.AddRange(await AlertAsync(new StoredItem(o.ItemId, completion.FeedId, o.Candidate.Item, completion.Language, true), o.Candidate, cancellationToken));
        }
        return alerts;
    }

    /// <summary>
    /// An item another feed recorded in its seeding poll within the last hour is news to this seeded feed: it may alert.
    /// Older seeded items stay quiet, so adding a feed never floods a channel through its neighbours.
    /// </summary>
    async Task<bool> PromoteAsync(long itemId, CancellationToken cancellationToken) =>
        await PgSql.Run(connection, "UPDATE items SET alertable = true WHERE id = @id AND NOT alertable AND first_seen_at >= @since", cancellationToken,
            ("id", itemId), ("since", PgSql.Ms(completion.At.AddHours(-1)))) == 1;

    /// <summary>Alerts for a new item (highest severity first), its story, and the outbox rows that will deliver them.</summary>
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
