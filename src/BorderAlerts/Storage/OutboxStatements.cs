using System.Data.Common;
using System.Text.Json;
using BorderAlerts.Core.Delivery;
using BorderAlerts.Core.Rules;
using BorderAlerts.Core.Rules.Matching;

namespace BorderAlerts.Storage;

/// <summary>
/// The outbox's statements, one text for both stores, run in the caller's transaction and under its lock: deliveries
/// claimed with a lease, oldest first, replies only after their card; and what became of them.
/// </summary>
internal static class OutboxStatements
{
    public static async Task<IReadOnlyList<OutboxEntry>> ClaimAsync(DbConnection connection, SqlDialect dialect, DateTimeOffset now, int max,
        TimeSpan lease, CancellationToken cancellationToken)
    {
        var ids = new List<long>();
        await using (var claim = Db.Command(connection, $"""
            UPDATE deliveries SET lease_until = @until WHERE id IN (
                SELECT d.id FROM deliveries d LEFT JOIN deliveries p ON p.id = d.parent_id
                WHERE d.status = 'pending' AND d.next_attempt_at <= @now AND (d.lease_until IS NULL OR d.lease_until <= @now)
                  AND (d.parent_id IS NULL OR p.status IN ('sent', 'dead'))
                ORDER BY d.id LIMIT @max{dialect.SkipLocked})
            RETURNING id
            """, ("now", Db.Ms(now)), ("until", Db.Ms(now + lease)), ("max", max)))
        await using (var claimed = await claim.ExecuteReaderAsync(cancellationToken))
            while (await claimed.ReadAsync(cancellationToken)) ids.Add(claimed.GetInt64(0));
        if (ids.Count == 0) return [];
        await using var read = Db.Command(connection, Read(dialect, $"d.id {dialect.InSet}"), ("set", dialect.Set(ids)));
        return await EntriesAsync(read, cancellationToken);
    }

    /// <summary>
    /// The deliveries sent to a destination in one message (the platform's message id), as claimed, in the order sent:
    /// a late translation renders that message again. Message ids are unique per destination, so the pair finds it.
    /// </summary>
    public static async Task<IReadOnlyList<OutboxEntry>> SentInAsync(DbConnection connection, SqlDialect dialect, string destination, string messageId,
        CancellationToken cancellationToken)
    {
        await using var read = Db.Command(connection, Read(dialect, "d.destination = @destination AND d.message_id = @message AND d.status = 'sent'"),
            ("destination", destination), ("message", messageId));
        return await EntriesAsync(read, cancellationToken);
    }

    static async Task<IReadOnlyList<OutboxEntry>> EntriesAsync(DbCommand read, CancellationToken cancellationToken)
    {
        var entries = new List<OutboxEntry>();
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) entries.Add(Entry(reader));
        return entries;
    }

    /// <summary>Deliveries with everything their cards need, the ones <paramref name="where"/> picks, by id.</summary>
    static string Read(SqlDialect dialect, string where) => $"""
        SELECT d.id, d.destination, d.kind, d.attempts, p.message_id, p.thread_id, p.status,
            a.id, a.rule_id, COALESCE(a.rule_name, a.rule_id), a.severity, a.terms,
            i.first_feed_id, i.title, i.url, i.text, i.language, i.published_at,
            (SELECT {dialect.StringAgg}(o.id || ':' || o.rule_id || ':' || o.severity, ',') FROM alerts o WHERE o.item_id = a.item_id AND o.id <> a.id),
            i.first_seen_at, i.story_id, (SELECT CASE WHEN s.first_item_id = i.id THEN 1 ELSE 0 END FROM stories s WHERE s.id = i.story_id),
            ({StoryOutlets}), a.item_id
        FROM deliveries d
        JOIN alerts a ON a.id = d.alert_id JOIN items i ON i.id = a.item_id LEFT JOIN deliveries p ON p.id = d.parent_id
        WHERE {where} ORDER BY d.id
        """;

    /// <summary>
    /// How many outlets have reported the item's story so far: the feeds that carried any of its alerting items (each
    /// has deliveries filed under the story, found through their index).
    /// </summary>
    const string StoryOutlets = """
        SELECT COUNT(DISTINCT g.feed_id) FROM deliveries sd JOIN alerts sa ON sa.id = sd.alert_id JOIN sightings g ON g.item_id = sa.item_id
        WHERE sd.story_id = i.story_id
        """;

    static OutboxEntry Entry(DbDataReader r)
    {
        var alert = new AlertSnapshot(r.GetInt64(7), r.GetString(12), r.GetString(13), Db.Text(r, 14) is { } url ? new Uri(url) : null,
            r.GetString(15), Db.Text(r, 16), Db.Time(r, 17), r.GetString(8), r.GetString(9),
            Enum.Parse<Severity>(r.GetString(10), ignoreCase: true), JsonSerializer.Deserialize<List<MatchedTerm>>(r.GetString(11)) ?? [])
        {
            AlsoMatched = OtherRules.Parse(Db.Text(r, 18)),
            FirstSeen = Db.Time(r, 19),
            Story = r.IsDBNull(20) ? null : new StoryStanding(!r.IsDBNull(21) && Convert.ToInt64(r.GetValue(21)) == 1, Convert.ToInt32(r.GetValue(22))),
            ItemId = r.GetInt64(23),
        };
        var kind = CardOrReply.Claimed(r.GetString(2), Db.Text(r, 6));
        return new OutboxEntry(r.GetInt64(0), r.GetString(1), kind, r.GetInt32(3), alert,
            kind == DeliveryKind.Reply ? Db.Text(r, 4) : null, kind == DeliveryKind.Reply ? Db.Text(r, 5) : null);
    }

    public static async Task RecordAsync(DbConnection connection, SqlDialect dialect, DeliveryRecord record, CancellationToken cancellationToken)
    {
        var sql = record.State switch
        {
            DeliveryState.Sent => "UPDATE deliveries SET status = 'sent', lease_until = NULL, message_id = @msg, thread_id = @thread, sent_at = @at, last_error = NULL, digest = @digest",
            DeliveryState.Dead => "UPDATE deliveries SET status = 'dead', lease_until = NULL, last_error = @error, attempts = attempts + 1",
            _ => "UPDATE deliveries SET lease_until = NULL, next_attempt_at = @next, last_error = COALESCE(@error, last_error), attempts = attempts + @count",
        };
        var ids = dialect.Set(record.Ids);
        await Db.Run(connection, $"{sql} WHERE id {dialect.InSet}", cancellationToken, ("set", ids), ("msg", record.MessageId), ("thread", record.ThreadId),
            ("at", Db.Ms(record.At)), ("error", record.Error), ("next", Db.Ms(record.NextAttempt ?? record.At)), ("count", record.CountsAsAttempt ? 1 : 0),
            ("digest", record.Digest ? 1 : 0));
        if (record.State == DeliveryState.Sent && record.ThreadId is not null)
            // A reply that opened a thread: later replies of the story find it on the card.
            await Db.Run(connection, $"UPDATE deliveries SET thread_id = @thread WHERE thread_id IS NULL AND id IN (SELECT parent_id FROM deliveries WHERE id {dialect.InSet})",
                cancellationToken, ("thread", record.ThreadId), ("set", ids));
    }
}
