using System.Data.Common;
using BorderAlerts.Core.Items;
using BorderAlerts.Core.Storage;

namespace BorderAlerts.Storage;

/// <summary>
/// The one lookup of a poll's keys that <see cref="PollTriage"/> decides over, inside the item writer's transaction:
/// the stored item of every key the database knows, and which of those the feed has sighted before.
/// </summary>
internal static class PollLookups
{
    public static async Task<PollWrites> TriageAsync(DbConnection connection, SqlDialect dialect, PollCompletion completion,
        CancellationToken cancellationToken)
    {
        var known = await KnownKeysAsync(connection, dialect, [.. completion.Items.SelectMany(c => c.Keys).Distinct()], cancellationToken);
        var sighted = await SightedAsync(connection, dialect, completion.FeedId, [.. known.Values.Select(k => k.Id).Distinct()], cancellationToken);
        return new PollWrites(completion, PollTriage.Decide(completion.Items, known, sighted, completion.AlertOnNew, completion.At));
    }

    static async Task<Dictionary<string, KnownItem>> KnownKeysAsync(DbConnection connection, SqlDialect dialect, string[] keys,
        CancellationToken cancellationToken)
    {
        var known = new Dictionary<string, KnownItem>(StringComparer.Ordinal);
        if (keys.Length == 0) return known;
        await using var command = Db.Command(connection, $"""
            SELECT k.key, k.item_id, i.alertable, i.first_seen_at FROM item_keys k JOIN items i ON i.id = k.item_id WHERE k.key {dialect.InSet}
            """, ("set", dialect.Set(keys)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            known[reader.GetString(0)] = new KnownItem(reader.GetInt64(1), reader.GetBoolean(2), Db.Time(reader, 3)!.Value);
        return known;
    }

    static async Task<HashSet<long>> SightedAsync(DbConnection connection, SqlDialect dialect, string feedId, long[] itemIds,
        CancellationToken cancellationToken)
    {
        var seen = new HashSet<long>();
        if (itemIds.Length == 0) return seen;
        await using var command = Db.Command(connection, $"SELECT item_id FROM sightings WHERE feed_id = @feed AND item_id {dialect.InSet}",
            ("feed", feedId), ("set", dialect.Set(itemIds)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) seen.Add(reader.GetInt64(0));
        return seen;
    }
}
