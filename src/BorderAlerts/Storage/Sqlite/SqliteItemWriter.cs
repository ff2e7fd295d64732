using System.Text.Json;
using BorderAlerts.Core.Items;
using BorderAlerts.Core.Search.Postings;
using BorderAlerts.Core.Storage;
using Microsoft.Data.Sqlite;

namespace BorderAlerts.Storage.Sqlite;

/// <summary>
/// Stores a poll's items inside the caller's transaction: one lookup of the poll's keys, <see cref="PollTriage"/>
/// decides (new, sighting, promotion, alert), and what <see cref="PollWrites"/> lists is written. New items get their
/// evidence and join <c>indexed</c> with their index tokens (the caller indexes a group's new items as one segment).
/// </summary>
internal sealed class SqliteItemWriter(SqliteConnection connection, PollCompletion completion,
    IReadOnlyDictionary<CandidateItem, ItemTokens> preparedTokens, List<(long, ItemTokens)> indexed)
{
    long? _evidenceId;

    public async Task<PollCommit> WriteAsync(CancellationToken cancellationToken)
    {
        var writes = await PollLookups.TriageAsync(connection, SqlDialect.Sqlite, completion, cancellationToken);
        foreach (var t in writes.Fresh)
        {
            writes.Assign(t.Item, await InsertAsync(t.Candidate, cancellationToken));
            indexed.Add((writes.Id(t.Item), preparedTokens.GetValueOrDefault(t.Candidate) ?? ItemTokens.Of(t.Candidate.Item.Title, t.Candidate.Item.Text)));
        }
        await using (var addKey = Db.Command(connection, "INSERT OR IGNORE INTO item_keys (key, item_id) VALUES ($key, $item)", ("$key", ""), ("$item", 0L)))
            foreach (var (key, item) in writes.Keys)
            {
                addKey.Parameters["$key"].Value = key;
                addKey.Parameters["$item"].Value = item;
                await addKey.ExecuteNonQueryAsync(cancellationToken);
            }
        await using (var sight = Db.Command(connection, "INSERT OR IGNORE INTO sightings (item_id, feed_id, seen_at) VALUES ($item, $feed, $at)",
            ("$item", 0L), ("$feed", completion.FeedId), ("$at", Db.Ms(completion.At))))
            foreach (var item in writes.Sightings)
            {
                sight.Parameters["$item"].Value = item;
                await sight.ExecuteNonQueryAsync(cancellationToken);
            }
        foreach (var item in writes.Promotions)
            await Db.Run(connection, "UPDATE items SET alertable = 1 WHERE id = $id", cancellationToken, ("$id", item));
        return writes.Commit(await AlertWriter.WriteAsync(connection, SqlDialect.Sqlite, writes.Alerting, completion.At, cancellationToken));
    }

    async Task<long> InsertAsync(CandidateItem candidate, CancellationToken cancellationToken)
    {
        var item = candidate.Item;
        await using var insert = Db.Command(connection, """
            INSERT INTO items (title, url, guid, text, language, author, published_at, first_seen_at, first_feed_id, content_hash, evidence_id, alertable)
            VALUES ($title, $url, $guid, $text, $language, $author, $published, $at, $feed, $hash, $evidence, $alertable) RETURNING id
            """,
            ("$title", item.Title), ("$url", item.Link?.ToString()), ("$guid", item.Guid), ("$text", item.Text),
            ("$language", completion.Language), ("$author", item.Author), ("$published", item.Published is { } p ? Db.Ms(p) : null),
            ("$at", Db.Ms(completion.At)), ("$feed", completion.FeedId), ("$hash", candidate.ContentHash),
            ("$evidence", await EvidenceIdAsync(cancellationToken)), ("$alertable", completion.AlertOnNew));
        var id = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
        return id;
    }

    async Task<long?> EvidenceIdAsync(CancellationToken cancellationToken)
    {
        if (_evidenceId is not null || completion.Response is null) return _evidenceId;
        var evidence = Evidence.Capture(completion.Response);
        await using var insert = Db.Command(connection, """
            INSERT INTO evidence (feed_id, url, fetched_at, sha256, length, headers, body)
            VALUES ($feed, $url, $at, $sha, $length, $headers, $body) RETURNING id
            """,
            ("$feed", completion.FeedId), ("$url", evidence.Url.ToString()), ("$at", Db.Ms(evidence.FetchedAt)), ("$sha", evidence.Sha256),
            ("$length", evidence.Length), ("$headers", JsonSerializer.Serialize(evidence.Headers.Select(h => new[] { h.Key, h.Value }))),
            ("$body", evidence.Compressed));
        _evidenceId = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
        return _evidenceId;
    }
}
