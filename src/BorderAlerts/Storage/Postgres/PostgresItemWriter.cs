using BorderAlerts.Core.Items;
using BorderAlerts.Core.Storage;
using Npgsql;

namespace BorderAlerts.Storage.Postgres;

/// <summary>
/// Stores a poll's items inside the caller's transaction: one lookup of the poll's keys, <see cref="PollTriage"/>
/// decides (new, sighting, promotion, alert), and what <see cref="PollWrites"/> lists is written set-at-a-time.
/// Identity is global, so writers on every instance first take one transaction-scoped advisory lock: two feeds carrying
/// the same article, polled at once on two instances, make one item, and no story opens twice. Fetching, the slow part,
/// stays parallel.
/// </summary>
internal sealed class PostgresItemWriter(NpgsqlConnection connection, PollCompletion completion)
{
    /// <summary>Advisory lock key for item identity ("BAitems").</summary>
    internal const long IdentityLock = 0x4241_6974_656D_73;

    public async Task<PollCommit> WriteAsync(CancellationToken cancellationToken)
    {
        if (completion.Items.Count == 0) return new PollCommit([], 0);
        await Db.Run(connection, "SELECT pg_advisory_xact_lock(@key)", cancellationToken, ("key", IdentityLock));
        var writes = await PollLookups.TriageAsync(connection, SqlDialect.Postgres, completion, cancellationToken);
        var ids = await PostgresItemBatch.AllocateIdsAsync(connection, writes.NewItems, cancellationToken);
        foreach (var t in writes.Fresh) writes.Assign(t.Item, ids.Dequeue()); // in slot order, as allocated

        var evidenceId = writes.Fresh.Count > 0 ? await PostgresItemBatch.InsertEvidenceAsync(connection, completion, cancellationToken) : null;
        await PostgresItemBatch.InsertItemsAsync(connection, completion, [.. writes.Fresh.Select(t => (writes.Id(t.Item), t.Candidate))], evidenceId, cancellationToken);
        await PostgresItemBatch.InsertKeysAsync(connection, [.. writes.Keys], cancellationToken);
        await PostgresItemBatch.InsertSightingsAsync(connection, completion, [.. writes.Sightings], cancellationToken);
        await PostgresItemBatch.PromoteAsync(connection, [.. writes.Promotions], cancellationToken);
        return writes.Commit(await AlertWriter.WriteAsync(connection, SqlDialect.Postgres, writes.Alerting, completion.At, cancellationToken));
    }
}
