using System.Text.Json;
using BorderAlerts.Core.Items;
using BorderAlerts.Core.Parsing;
using BorderAlerts.Core.Storage;
using Npgsql;

namespace BorderAlerts.Storage.Postgres;

/// <summary>
/// The set-at-a-time writes of the item writer: one round trip each for a poll's new items, keys, sightings or
/// promotions, however many items the feed has (a 10,000-item feed is a handful of statements).
/// </summary>
internal static class PostgresItemBatch
{
    /// <summary>Known items a seeded feed sees for the first time, made alertable (see <see cref="PollTriage"/>).</summary>
    public static Task PromoteAsync(NpgsqlConnection connection, IReadOnlyList<long> itemIds, CancellationToken cancellationToken) =>
        itemIds.Count == 0 ? Task.CompletedTask
            : Db.Run(connection, "UPDATE items SET alertable = true WHERE id = ANY(@ids)", cancellationToken, ("ids", itemIds.ToArray()));

    /// <summary>Ids for new items, taken from the items sequence up front so their keys can point at them.</summary>
    public static async Task<Queue<long>> AllocateIdsAsync(NpgsqlConnection connection, int count, CancellationToken cancellationToken)
    {
        var ids = new Queue<long>(count);
        if (count == 0) return ids;
        await using var command = Db.Command(connection, "SELECT nextval(pg_get_serial_sequence('items', 'id')) FROM generate_series(1, @n)", ("n", count));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) ids.Enqueue(reader.GetInt64(0));
        return ids;
    }

    public static async Task InsertItemsAsync(NpgsqlConnection connection, PollCompletion completion, IReadOnlyList<(long Id, CandidateItem Candidate)> items,
        long? evidenceId, CancellationToken cancellationToken)
    {
        if (items.Count == 0) return;
        ParsedItem Item(int i) => items[i].Candidate.Item;
        var range = Enumerable.Range(0, items.Count).ToArray();
        await Db.Run(connection, """
            INSERT INTO items (id, title, url, guid, text, language, author, published_at, first_seen_at, first_feed_id, content_hash, evidence_id, alertable)
            SELECT id, title, url, guid, text, @language, author, published, @at, @feed, hash, @evidence, @alertable
            FROM unnest(@ids, @titles, @urls, @guids, @texts, @authors, @published, @hashes) AS i(id, title, url, guid, text, author, published, hash)
            """, cancellationToken,
            ("ids", items.Select(i => i.Id).ToArray()), ("titles", range.Select(i => Item(i).Title).ToArray()),
            ("urls", range.Select(i => Item(i).Link?.ToString()).ToArray()), ("guids", range.Select(i => Item(i).Guid).ToArray()),
            ("texts", range.Select(i => Item(i).Text).ToArray()), ("authors", range.Select(i => Item(i).Author).ToArray()),
            ("published", range.Select(i => Item(i).Published is { } p ? Db.Ms(p) : (long?)null).ToArray()),
            ("hashes", items.Select(i => i.Candidate.ContentHash).ToArray()),
            ("language", completion.Language), ("at", Db.Ms(completion.At)), ("feed", completion.FeedId), ("evidence", evidenceId),
            ("alertable", completion.AlertOnNew));
    }

    /// <summary>New keys of new and known items; a key another item already holds keeps its owner.</summary>
    public static Task InsertKeysAsync(NpgsqlConnection connection, IReadOnlyList<(string Key, long ItemId)> keys, CancellationToken cancellationToken) =>
        keys.Count == 0 ? Task.CompletedTask : Db.Run(connection,
            "INSERT INTO item_keys (key, item_id) SELECT * FROM unnest(@keys, @items) ON CONFLICT DO NOTHING", cancellationToken,
            ("keys", keys.Select(k => k.Key).ToArray()), ("items", keys.Select(k => k.ItemId).ToArray()));

    public static Task InsertSightingsAsync(NpgsqlConnection connection, PollCompletion completion, IReadOnlyList<long> itemIds, CancellationToken cancellationToken) =>
        itemIds.Count == 0 ? Task.CompletedTask : Db.Run(connection,
            "INSERT INTO sightings (item_id, feed_id, seen_at) SELECT unnest(@items), @feed, @at ON CONFLICT DO NOTHING", cancellationToken,
            ("items", itemIds.ToArray()), ("feed", completion.FeedId), ("at", Db.Ms(completion.At)));

    public static async Task<long?> InsertEvidenceAsync(NpgsqlConnection connection, PollCompletion completion, CancellationToken cancellationToken)
    {
        if (completion.Response is null) return null;
        var evidence = Evidence.Capture(completion.Response);
        return (long)(await Db.Scalar(connection, """
            INSERT INTO evidence (feed_id, url, fetched_at, sha256, length, headers, body)
            VALUES (@feed, @url, @at, @sha, @length, @headers, @body) RETURNING id
            """, cancellationToken,
            ("feed", completion.FeedId), ("url", evidence.Url.ToString()), ("at", Db.Ms(evidence.FetchedAt)), ("sha", evidence.Sha256),
            ("length", evidence.Length), ("headers", JsonSerializer.Serialize(evidence.Headers.Select(h => new[] { h.Key, h.Value }))),
            ("body", evidence.Compressed)))!;
    }
}
