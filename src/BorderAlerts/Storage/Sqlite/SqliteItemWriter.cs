using System.Text.Json;
using BorderAlerts.Core.Items;
using BorderAlerts.Core.Rules.Matching;
using BorderAlerts.Core.Search.Postings;
using BorderAlerts.Core.Storage;
using Microsoft.Data.Sqlite;

namespace BorderAlerts.Storage.Sqlite;

/// <summary>
/// Stores a poll's items inside the caller's transaction. An item whose any key is already known is a sighting of
/// the stored item (its new keys are added); otherwise it is new, with its evidence, and joins <c>indexed</c> with its
/// index tokens (the caller indexes a group's new items as one segment). Commands are prepared once per poll.
/// </summary>
internal sealed class SqliteItemWriter(SqliteConnection connection, PollCompletion completion,
    IReadOnlyDictionary<CandidateItem, ItemTokens> preparedTokens, List<(long, ItemTokens)> indexed)
{
    long? _evidenceId;

    public async Task<PollCommit> WriteAsync(CancellationToken cancellationToken)
    {
        await using var find = Sql.Command(connection, "SELECT item_id FROM item_keys WHERE key = $key", ("$key", ""));
        await using var addKey = Sql.Command(connection, "INSERT OR IGNORE INTO item_keys (key, item_id) VALUES ($key, $item)", ("$key", ""), ("$item", 0L));
        await using var sight = Sql.Command(connection, "INSERT OR IGNORE INTO sightings (item_id, feed_id, seen_at) VALUES ($item, $feed, $at)",
            ("$item", 0L), ("$feed", completion.FeedId), ("$at", Sql.Ms(completion.At)));
        var stored = new List<StoredItem>();
        var alerts = new List<AlertRecord>();
        foreach (var candidate in completion.Items)
        {
            var existing = await FindAsync(find, candidate, cancellationToken);
            var id = existing ?? await InsertAsync(candidate, cancellationToken);
            foreach (var key in candidate.Keys)
            {
                addKey.Parameters["$key"].Value = key;
                addKey.Parameters["$item"].Value = id;
                await addKey.ExecuteNonQueryAsync(cancellationToken);
            }
            sight.Parameters["$item"].Value = id;
            var firstSighting = await sight.ExecuteNonQueryAsync(cancellationToken) == 1;
            if (existing is not null)
            {
                if (firstSighting && completion.AlertOnNew && candidate.Matches.Count > 0 && await PromoteAsync(id, cancellationToken))
                    alerts.AddRange(await AlertAsync(new StoredItem(id, completion.FeedId, candidate.Item, completion.Language, true), candidate, cancellationToken));
                continue;
            }
            var item = new StoredItem(id, completion.FeedId, candidate.Item, completion.Language, completion.AlertOnNew);
            stored.Add(item);
            indexed.Add((id, preparedTokens.GetValueOrDefault(candidate) ?? ItemTokens.Of(candidate.Item.Title, candidate.Item.Text)));
            if (completion.AlertOnNew && candidate.Matches.Count > 0)
                alerts.AddRange(await AlertAsync(item, candidate, cancellationToken));
        }
        return new PollCommit(stored, completion.Items.Count - stored.Count) { Alerts = alerts };
    }

    static async Task<long?> FindAsync(SqliteCommand find, CandidateItem candidate, CancellationToken cancellationToken)
    {
        foreach (var key in candidate.Keys)
        {
            find.Parameters["$key"].Value = key;
            if (await find.ExecuteScalarAsync(cancellationToken) is long id) return id;
        }
        return null;
    }

    async Task<long> InsertAsync(CandidateItem candidate, CancellationToken cancellationToken)
    {
        var item = candidate.Item;
        await using var insert = Sql.Command(connection, """
            INSERT INTO items (title, url, guid, text, language, author, published_at, first_seen_at, first_feed_id, content_hash, evidence_id, alertable)
            VALUES ($title, $url, $guid, $text, $language, $author, $published, $at, $feed, $hash, $evidence, $alertable) RETURNING id
            """,
            ("$title", item.Title), ("$url", item.Link?.ToString()), ("$guid", item.Guid), ("$text", item.Text),
            ("$language", completion.Language), ("$author", item.Author), ("$published", item.Published is { } p ? Sql.Ms(p) : null),
            ("$at", Sql.Ms(completion.At)), ("$feed", completion.FeedId), ("$hash", candidate.ContentHash),
            ("$evidence", await EvidenceIdAsync(cancellationToken)), ("$alertable", completion.AlertOnNew));
        var id = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
        return id;
    }

    /// <summary>
    /// An item another feed recorded in its seeding poll within the last hour is news to this seeded feed: it may alert.
    /// Older seeded items stay quiet, so adding a feed never floods a channel through its neighbours.
    /// </summary>
    async Task<bool> PromoteAsync(long itemId, CancellationToken cancellationToken) =>
        await Sql.Run(connection, "UPDATE items SET alertable = 1 WHERE id = $id AND alertable = 0 AND first_seen_at >= $since", cancellationToken,
            ("$id", itemId), ("$since", Sql.Ms(completion.At.AddHours(-1)))) == 1;

    /// <summary>Alerts for a new item (highest severity first), its story, and the outbox rows that will deliver them.</summary>
    async Task<List<AlertRecord>> AlertAsync(StoredItem item, CandidateItem candidate, CancellationToken cancellationToken)
    {
        var story = await SqliteStoryWriter.AssignAsync(connection, item.Id, candidate.PlacementFor(item.FeedId, item.Language), completion.At, cancellationToken);
        var carded = new HashSet<string>();
        var records = new List<AlertRecord>();
        foreach (var match in candidate.Matches)
        {
            var alertId = await InsertAlertAsync(item.Id, match, cancellationToken);
            await SqliteDeliveryWriter.EnqueueAsync(connection, alertId, story, match.To, carded, completion.At, cancellationToken);
            records.Add(new AlertRecord(alertId, item, match));
        }
        return records;
    }

    async Task<long> InsertAlertAsync(long itemId, RuleMatch match, CancellationToken cancellationToken)
    {
        await using var insert = Sql.Command(connection, """
            INSERT INTO alerts (item_id, rule_id, rule_name, severity, destinations, terms, created_at)
            VALUES ($item, $rule, $name, $severity, $to, $terms, $at) RETURNING id
            """,
            ("$item", itemId), ("$rule", match.RuleId), ("$name", match.RuleName), ("$severity", match.Severity.ToString().ToLowerInvariant()),
            ("$to", JsonSerializer.Serialize(match.To)), ("$terms", JsonSerializer.Serialize(match.Terms)), ("$at", Sql.Ms(completion.At)));
        return (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
    }

    async Task<long?> EvidenceIdAsync(CancellationToken cancellationToken)
    {
        if (_evidenceId is not null || completion.Response is null) return _evidenceId;
        var evidence = Evidence.Capture(completion.Response);
        await using var insert = Sql.Command(connection, """
            INSERT INTO evidence (feed_id, url, fetched_at, sha256, length, headers, body)
            VALUES ($feed, $url, $at, $sha, $length, $headers, $body) RETURNING id
            """,
            ("$feed", completion.FeedId), ("$url", evidence.Url.ToString()), ("$at", Sql.Ms(evidence.FetchedAt)), ("$sha", evidence.Sha256),
            ("$length", evidence.Length), ("$headers", JsonSerializer.Serialize(evidence.Headers.Select(h => new[] { h.Key, h.Value }))),
            ("$body", evidence.Compressed));
        _evidenceId = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
        return _evidenceId;
    }
}
