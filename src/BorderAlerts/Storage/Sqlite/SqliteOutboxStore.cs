using System.Text.Json;
using BorderAlerts.Core.Delivery;
using BorderAlerts.Core.Rules;
using BorderAlerts.Core.Rules.Matching;
using Microsoft.Data.Sqlite;

namespace BorderAlerts.Storage.Sqlite;

/// <summary>The outbox on SQLite: deliveries claimed with a lease, oldest first, replies only after their card.</summary>
public sealed class SqliteOutboxStore(SqliteDatabase database) : IOutboxStore
{
    const string Columns = """
        d.id, d.destination, d.kind, d.attempts, p.message_id, p.thread_id, p.status,
        a.id, a.rule_id, COALESCE(a.rule_name, a.rule_id), a.severity, a.terms,
        i.first_feed_id, i.title, i.url, i.text, i.language, i.published_at,
        (SELECT group_concat(o.id || ':' || o.rule_id, ',') FROM alerts o WHERE o.item_id = a.item_id AND o.id <> a.id),
        i.first_seen_at
        """;

    public async Task<IReadOnlyList<OutboxEntry>> ClaimAsync(DateTimeOffset now, int max, TimeSpan lease, CancellationToken cancellationToken)
    {
        await database.WriteLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            var ids = new List<long>();
            await using (var claim = Sql.Command(connection, """
                UPDATE deliveries SET lease_until = $until WHERE id IN (
                    SELECT d.id FROM deliveries d LEFT JOIN deliveries p ON p.id = d.parent_id
                    WHERE d.status = 'pending' AND d.next_attempt_at <= $now AND (d.lease_until IS NULL OR d.lease_until <= $now)
                      AND (d.parent_id IS NULL OR p.status IN ('sent', 'dead'))
                    ORDER BY d.id LIMIT $max)
                RETURNING id
                """, ("$now", Sql.Ms(now)), ("$until", Sql.Ms(now + lease)), ("$max", max)))
            await using (var claimed = await claim.ExecuteReaderAsync(cancellationToken))
                while (await claimed.ReadAsync(cancellationToken)) ids.Add(claimed.GetInt64(0));
            if (ids.Count == 0) { await transaction.CommitAsync(cancellationToken); return []; }
            await using var read = Sql.Command(connection, $"""
                SELECT {Columns} FROM deliveries d
                JOIN alerts a ON a.id = d.alert_id JOIN items i ON i.id = a.item_id LEFT JOIN deliveries p ON p.id = d.parent_id
                WHERE d.id IN ({string.Join(",", ids)}) ORDER BY d.id
                """);
            var entries = new List<OutboxEntry>();
            await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
                while (await reader.ReadAsync(cancellationToken)) entries.Add(Entry(reader));
            await transaction.CommitAsync(cancellationToken);
            return entries;
        }
        finally { database.WriteLock.Release(); }
    }

    static OutboxEntry Entry(SqliteDataReader r)
    {
        var parentSent = Sql.Text(r, 6) == "sent";
        var alert = new AlertSnapshot(r.GetInt64(7), r.GetString(12), r.GetString(13), Sql.Text(r, 14) is { } url ? new Uri(url) : null,
            r.GetString(15), Sql.Text(r, 16), Sql.Time(r, 17), r.GetString(8), r.GetString(9),
            Enum.Parse<Severity>(r.GetString(10), ignoreCase: true), JsonSerializer.Deserialize<List<MatchedTerm>>(r.GetString(11)) ?? [])
        {
            AlsoMatched = OtherRules.Parse(Sql.Text(r, 18)),
            FirstSeen = Sql.Time(r, 19),
        };
        var kind = r.GetString(2) == "reply" && parentSent ? DeliveryKind.Reply : DeliveryKind.Card;
        return new OutboxEntry(r.GetInt64(0), r.GetString(1), kind, r.GetInt32(3), alert,
            kind == DeliveryKind.Reply ? Sql.Text(r, 4) : null, kind == DeliveryKind.Reply ? Sql.Text(r, 5) : null);
    }

    public async Task<OutboxStats> StatsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await OutboxBacklog.ReadAsync(connection, cancellationToken);
    }

    public async Task RecordAsync(DeliveryRecord record, CancellationToken cancellationToken)
    {
        if (record.Ids.Count == 0) return;
        var ids = string.Join(",", record.Ids);
        var sql = record.State switch
        {
            DeliveryState.Sent => $"UPDATE deliveries SET status = 'sent', lease_until = NULL, message_id = $msg, thread_id = $thread, sent_at = $at, last_error = NULL WHERE id IN ({ids})",
            DeliveryState.Dead => $"UPDATE deliveries SET status = 'dead', lease_until = NULL, last_error = $error, attempts = attempts + 1 WHERE id IN ({ids})",
            _ => $"UPDATE deliveries SET lease_until = NULL, next_attempt_at = $next, last_error = COALESCE($error, last_error), attempts = attempts + $count WHERE id IN ({ids})",
        };
        await database.WriteLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await Sql.Run(connection, sql, cancellationToken, ("$msg", record.MessageId), ("$thread", record.ThreadId), ("$at", Sql.Ms(record.At)),
                ("$error", record.Error), ("$next", Sql.Ms(record.NextAttempt ?? record.At)), ("$count", record.CountsAsAttempt ? 1 : 0));
            if (record.State == DeliveryState.Sent && record.ThreadId is not null)
                // A reply that opened a thread: later replies of the story find it on the card.
                await Sql.Run(connection, $"UPDATE deliveries SET thread_id = $thread WHERE thread_id IS NULL AND id IN (SELECT parent_id FROM deliveries WHERE id IN ({ids}))",
                    cancellationToken, ("$thread", record.ThreadId));
        }
        finally { database.WriteLock.Release(); }
    }
}
