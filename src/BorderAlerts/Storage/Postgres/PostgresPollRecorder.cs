using BorderAlerts.Core.Search.Postings;
using BorderAlerts.Core.Storage;
using Npgsql;

namespace BorderAlerts.Storage.Postgres;

/// <summary>
/// Records a group of polls in one transaction: one commit for many polls (group commit). Each poll's lease is checked
/// first, inside the transaction, with its feed row locked: a late result whose feed another instance has claimed since
/// is left out whole (no items, no health), and the feed cannot be claimed while the group writes. A retried group whose
/// first COMMIT did land finds its leases ended and reports its polls as lost, though they were recorded.
/// </summary>
internal static class PostgresPollRecorder
{
    public static Task<IReadOnlyList<PollCommit>> RecordAsync(PostgresDatabase database, IReadOnlyList<PollCompletion> completions,
        CancellationToken cancellationToken) =>
        PostgresRetry.RunAsync(async () =>
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var held = await HeldAsync(connection, completions, cancellationToken);
            var commits = await PollGroup.RecordAsync(connection, completions, completion => Task.FromResult(held.Contains((completion.FeedId, completion.Lease))),
                completion => new PostgresItemWriter(connection, completion).WriteAsync(cancellationToken), cancellationToken);
            // Last, once for the group, still under the identity lock: its new items become one index segment.
            await database.Segments.AddAsync(connection,
                [.. commits.SelectMany(c => c.NewItems).Select(s => (s.Id, ItemTokens.Of(s.Item.Title, s.Item.Text)))],
                Db.Ms(completions.Max(c => c.At)), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (IReadOnlyList<PollCommit>)commits;
        });

    /// <summary>The (feed, lease) pairs still held, their rows locked in id order so two groups never deadlock.</summary>
    static async Task<HashSet<(string, long)>> HeldAsync(NpgsqlConnection connection, IReadOnlyList<PollCompletion> completions,
        CancellationToken cancellationToken)
    {
        await using var command = Db.Command(connection, """
            SELECT f.id, f.lease_until FROM feeds f JOIN unnest(@ids, @leases) AS c(id, lease) ON f.id = c.id AND f.lease_until = c.lease
            ORDER BY f.id FOR UPDATE OF f
            """, ("ids", completions.Select(c => c.FeedId).ToArray()), ("leases", completions.Select(c => c.Lease).ToArray()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var held = new HashSet<(string, long)>();
        while (await reader.ReadAsync(cancellationToken)) held.Add((reader.GetString(0), reader.GetInt64(1)));
        return held;
    }
}
