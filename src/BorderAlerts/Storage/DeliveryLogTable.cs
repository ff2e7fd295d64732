using System.Data.Common;
using BorderAlerts.Core.Delivery;

namespace BorderAlerts.Storage;

/// <summary>
/// The outbox read for the panel's alerts page (<see cref="IDeliveryLog"/>), the same statements on both stores: deliveries
/// newest first with their rule and item title, and a dead letter put back in line. A pending delivery that has failed
/// before (an attempt counted, or an error kept from a platform's wait) reads as retrying.
/// </summary>
/// <param name="writeLock">SQLite's one writer's turn; PostgreSQL needs none.</param>
public sealed class DeliveryLogTable(Func<CancellationToken, Task<DbConnection>> open, SemaphoreSlim? writeLock = null) : IDeliveryLog
{
    const string Shown = "CASE WHEN d.status = 'pending' AND (d.attempts > 0 OR d.last_error IS NOT NULL) THEN 'retrying' ELSE d.status END";

    public async Task<IReadOnlyList<DeliveryLogEntry>> ListAsync(DeliveryStatus? status, int offset, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await open(cancellationToken);
        await using var read = Db.Command(connection, $"""
            SELECT d.id, d.destination, d.kind, a.rule_id, i.title, {Shown}, d.attempts, d.created_at, d.next_attempt_at, d.sent_at, d.last_error,
                d.digest, d.resent_by, d.resent_at
            FROM deliveries d JOIN alerts a ON a.id = d.alert_id JOIN items i ON i.id = a.item_id
            {(status is null ? "" : $"WHERE {Shown} = @status")} ORDER BY d.id DESC LIMIT @limit OFFSET @offset
            """, status is null ? [("limit", limit), ("offset", offset)] : [("status", status.Value.ToString().ToLowerInvariant()), ("limit", limit), ("offset", offset)]);
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        var entries = new List<DeliveryLogEntry>();
        while (await reader.ReadAsync(cancellationToken))
            entries.Add(new DeliveryLogEntry(reader.GetInt64(0), reader.GetString(1), reader.GetString(2) == "reply" ? DeliveryKind.Reply : DeliveryKind.Card,
                reader.GetString(3), reader.GetString(4), Enum.Parse<DeliveryStatus>(reader.GetString(5), ignoreCase: true), reader.GetInt32(6),
                Db.Time(reader, 7)!.Value, Db.Time(reader, 8)!.Value, Db.Time(reader, 9), Db.Text(reader, 10))
            {
                Digest = Convert.ToInt64(reader.GetValue(11)) != 0, ResentBy = Db.Text(reader, 12), ResentAt = Db.Time(reader, 13),
            });
        return entries;
    }

    public async Task<bool> ResendAsync(long id, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (writeLock is not null) await writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await open(cancellationToken);
            return await Db.Run(connection, """
                UPDATE deliveries SET status = 'pending', attempts = 0, next_attempt_at = @now, lease_until = NULL, last_error = NULL,
                    resent_at = @now, resent_by = @actor
                WHERE id = @id AND status = 'dead'
                """, cancellationToken, ("id", id), ("now", Db.Ms(now)), ("actor", actor)) == 1;
        }
        finally { writeLock?.Release(); }
    }
}
