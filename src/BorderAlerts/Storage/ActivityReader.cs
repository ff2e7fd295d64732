using System.Data.Common;
using BorderAlerts.Core.Storage;

namespace BorderAlerts.Storage;

/// <summary>
/// The panel's per-day counts, one grouped query each, the same SQL on both stores: days are Unix milliseconds divided by
/// a day's (UTC days). Items per source come from sightings (index sightings_feed_seen on feed_id, seen_at), alerts from
/// alerts (index alerts_created), so neither scans outside the window.
/// </summary>
internal sealed class ActivityReader(Func<CancellationToken, Task<DbConnection>> open, SqlDialect dialect) : IActivityReader
{
    const long DayMs = 86_400_000;

    public Task<IReadOnlyDictionary<string, IReadOnlyDictionary<DateOnly, int>>> ItemsPerDayAsync(IReadOnlyList<string> feedIds, DateTimeOffset since,
        CancellationToken cancellationToken) => feedIds.Count == 0 ? Task.FromResult(Empty)
        : ReadAsync($"""
            SELECT feed_id, seen_at / {DayMs} AS day, CAST(COUNT(*) AS integer) FROM sightings
            WHERE feed_id {dialect.InSet} AND seen_at >= @since GROUP BY feed_id, seen_at / {DayMs}
            """, cancellationToken, ("set", dialect.Set(feedIds)), ("since", Db.Ms(since)));

    public Task<IReadOnlyDictionary<string, IReadOnlyDictionary<DateOnly, int>>> AlertsPerDayAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        ReadAsync($"""
            SELECT rule_id, created_at / {DayMs} AS day, CAST(COUNT(*) AS integer) FROM alerts
            WHERE created_at >= @since GROUP BY rule_id, created_at / {DayMs}
            """, cancellationToken, ("since", Db.Ms(since)));

    static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<DateOnly, int>> Empty = new Dictionary<string, IReadOnlyDictionary<DateOnly, int>>();

    async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<DateOnly, int>>> ReadAsync(string sql, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        await using var connection = await open(cancellationToken);
        await using var command = Db.Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new Dictionary<string, Dictionary<DateOnly, int>>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var day = DateOnly.FromDayNumber(DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber + (int)reader.GetInt64(1));
            (counts.TryGetValue(reader.GetString(0), out var days) ? days : counts[reader.GetString(0)] = [])[day] = reader.GetInt32(2);
        }
        return counts.ToDictionary(c => c.Key, c => (IReadOnlyDictionary<DateOnly, int>)c.Value);
    }
}
