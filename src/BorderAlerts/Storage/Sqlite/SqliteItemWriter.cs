using System.Text.Json;
using BorderAlerts.Core.Items;
using BorderAlerts.Core.Rules.Matching;
using BorderAlerts.Core.Search.Postings;
using BorderAlerts.Core.Storage;
using Microsoft.Data.Sqlite;

namespace BorderAlerts.Storage.Sqlite;

/// <summary>
/// Stores a poll's items inside the caller's transaction: one lookup of the poll's keys, <see cref="PollTriage"/>
/// decides (new, sighting, promotion, alert), and what it returns is written. New items get their evidence and join
/// <c>indexed</c> with their index tokens (the caller indexes a group's new items as one segment).
/// </summary>
internal sealed class SqliteItemWriter(SqliteConnection connection, PollCompletion completion,
    IReadOnlyDictionary<CandidateItem, ItemTokens> preparedTokens, List<(long, ItemTokens)> indexed)
{
    /// <summary>Keys or ids bound per lookup statement: well under SQLite's variable limit.</summary>
    const int Chunk = 500;

    long? _evidenceId;

    public async Task<PollCommit> WriteAsync(CancellationToken cancellationToken)
    {
        var known = await KnownKeysAsync([.. completion.Items.SelectMany(c => c.Keys).Distinct()], cancellationToken);
        var sighted = await SightedAsync([.. known.Values.Select(k => k.Id).Distinct()], cancellationToken);
        var triage = PollTriage.Decide(completion.Items, known, sighted, completion.AlertOnNew, completion.At);
        var ids = new long[triage.NewItems];
        long Id(ItemRef item) => item.KnownId ?? ids[item.NewSlot];

        var stored = new List<StoredItem>();
        foreach (var t in triage.Items.Where(t => t.Item.IsNew && t.FirstSighting))
        {
            ids[t.Item.NewSlot] = await InsertAsync(t.Candidate, cancellationToken);
            stored.Add(new StoredItem(ids[t.Item.NewSlot], completion.FeedId, t.Candidate.Item, completion.Language, completion.AlertOnNew));
            indexed.Add((ids[t.Item.NewSlot], preparedTokens.GetValueOrDefault(t.Candidate) ?? ItemTokens.Of(t.Candidate.Item.Title, t.Candidate.Item.Text)));
        }
        await using (var addKey = Sql.Command(connection, "INSERT OR IGNORE INTO item_keys (key, item_id) VALUES ($key, $item)", ("$key", ""), ("$item", 0L)))
            foreach (var (key, item) in triage.NewKeys)
            {
                addKey.Parameters["$key"].Value = key;
                addKey.Parameters["$item"].Value = Id(item);
                await addKey.ExecuteNonQueryAsync(cancellationToken);
            }
        await using (var sight = Sql.Command(connection, "INSERT OR IGNORE INTO sightings (item_id, feed_id, seen_at) VALUES ($item, $feed, $at)",
            ("$item", 0L), ("$feed", completion.FeedId), ("$at", Sql.Ms(completion.At))))
            foreach (var t in triage.Items.Where(t => t.FirstSighting))
            {
                sight.Parameters["$item"].Value = Id(t.Item);
                await sight.ExecuteNonQueryAsync(cancellationToken);
            }
        foreach (var t in triage.Items.Where(t => t.Promote))
            await Sql.Run(connection, "UPDATE items SET alertable = 1 WHERE id = $id", cancellationToken, ("$id", Id(t.Item)));
        var alerts = new List<AlertRecord>();
        foreach (var t in triage.Items.Where(t => t.Alert))
            alerts.AddRange(await AlertAsync(new StoredItem(Id(t.Item), completion.FeedId, t.Candidate.Item, completion.Language, true), t.Candidate, cancellationToken));
        return new PollCommit(stored, completion.Items.Count - stored.Count) { Alerts = alerts };
    }

    /// <summary>The stored item of every key the database already knows.</summary>
    async Task<Dictionary<string, KnownItem>> KnownKeysAsync(string[] keys, CancellationToken cancellationToken)
    {
        var known = new Dictionary<string, KnownItem>(StringComparer.Ordinal);
        foreach (var chunk in keys.Chunk(Chunk))
        {
            var names = chunk.Select((_, i) => $"$k{i}").ToArray();
            await using var find = Sql.Command(connection, $"""
                SELECT k.key, k.item_id, i.alertable, i.first_seen_at FROM item_keys k JOIN items i ON i.id = k.item_id
                WHERE k.key IN ({string.Join(", ", names)})
                """, [.. chunk.Select((key, i) => (names[i], (object?)key))]);
            await using var reader = await find.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                known[reader.GetString(0)] = new KnownItem(reader.GetInt64(1), reader.GetBoolean(2), Sql.Time(reader, 3)!.Value);
        }
        return known;
    }

    /// <summary>Which of these items the feed has seen before.</summary>
    async Task<HashSet<long>> SightedAsync(long[] itemIds, CancellationToken cancellationToken)
    {
        var seen = new HashSet<long>();
        foreach (var chunk in itemIds.Chunk(Chunk))
        {
            await using var find = Sql.Command(connection, $"SELECT item_id FROM sightings WHERE feed_id = $feed AND item_id IN ({string.Join(", ", chunk)})",
                ("$feed", completion.FeedId));
            await using var reader = await find.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) seen.Add(reader.GetInt64(0));
        }
        return seen;
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

    /// <summary>Alerts for an item (highest severity first), its story, and the outbox rows that will deliver them.</summary>
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
