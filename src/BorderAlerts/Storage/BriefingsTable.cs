using System.Data.Common;
using BorderAlerts.Core.Rules;
using BorderAlerts.Core.Storage;

namespace BorderAlerts.Storage;

/// <summary>
/// Briefings in the store, the same statements on both stores: the alerts of a period with their items (index
/// alerts_created), and briefing_runs, one row per firing whose primary key (briefing, fire time) lets exactly one
/// instance take a firing (INSERT … ON CONFLICT), or take over one left running past its lease. SQLite passes its write lock. Not part of an export.
/// </summary>
internal sealed class BriefingsTable(Func<CancellationToken, Task<DbConnection>> open, SqlDialect dialect, SemaphoreSlim? writeLock = null)
    : IBriefingAlerts, IBriefingRuns
{
    public async Task<IReadOnlyList<BriefingAlert>> AlertsAsync(DateTimeOffset from, DateTimeOffset to, string? language, CancellationToken cancellationToken,
        bool withText = true)
    {
        await using var connection = await open(cancellationToken);
        await using var command = Db.Command(connection, $"""
            SELECT a.item_id, a.rule_id, COALESCE(a.rule_name, a.rule_id), a.severity, a.created_at,
                i.title, i.url, {(withText ? "i.text" : "''")}, i.language, i.published_at, i.first_feed_id, i.story_id,
                (SELECT {dialect.StringAgg}(g.feed_id, ',') FROM sightings g WHERE g.item_id = i.id),
                (SELECT t.text FROM translations t WHERE t.item_id = i.id AND t.field = '{TranslatedFields.Title}' AND t.language = @language)
            FROM alerts a JOIN items i ON i.id = a.item_id
            WHERE a.created_at >= @from AND a.created_at < @to ORDER BY a.created_at, a.id
            """, ("from", Db.Ms(from)), ("to", Db.Ms(to)), ("language", language ?? ""));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var alerts = new List<BriefingAlert>();
        while (await reader.ReadAsync(cancellationToken))
            alerts.Add(new BriefingAlert(reader.GetInt64(0), reader.GetString(1), reader.GetString(2),
                Enum.Parse<Severity>(reader.GetString(3), ignoreCase: true), Db.Time(reader, 4)!.Value, reader.GetString(5),
                Db.Text(reader, 6) is { } url ? new Uri(url) : null, reader.GetString(7), Db.Text(reader, 8), Db.Time(reader, 9),
                reader.GetString(10), Db.Long(reader, 11), Db.Text(reader, 12)?.Split(',') ?? [], Db.Text(reader, 13)));
        return alerts;
    }

    public async Task<bool> ClaimAsync(string briefingId, DateTimeOffset fireTime, DateTimeOffset now, CancellationToken cancellationToken,
        TimeSpan? staleAfter = null) =>
        await WriteAsync("""
            INSERT INTO briefing_runs (briefing_id, fire_time, started_at, outcome) VALUES (@id, @fire, @now, 'running')
            ON CONFLICT (briefing_id, fire_time) DO UPDATE SET started_at = @now, finished_at = NULL, error = NULL
            WHERE briefing_runs.outcome = 'running' AND briefing_runs.started_at <= @stale
            """, cancellationToken, ("id", briefingId), ("fire", Db.Ms(fireTime)), ("now", Db.Ms(now)),
            ("stale", Db.Ms(now - (staleAfter ?? BriefingRun.Lease)))) == 1;

    public Task FinishAsync(string briefingId, DateTimeOffset fireTime, BriefingOutcome outcome, string? error, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        WriteAsync("UPDATE briefing_runs SET outcome = @outcome, error = @error, finished_at = @now WHERE briefing_id = @id AND fire_time = @fire",
            cancellationToken, ("id", briefingId), ("fire", Db.Ms(fireTime)), ("outcome", outcome.ToString().ToLowerInvariant()), ("error", error),
            ("now", Db.Ms(now)));

    public async Task<IReadOnlyDictionary<string, BriefingRun>> LastRunsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await open(cancellationToken);
        await using var command = Db.Command(connection, """
            SELECT r.briefing_id, r.fire_time, r.started_at, r.outcome, r.finished_at, r.error FROM briefing_runs r
            WHERE r.fire_time = (SELECT MAX(l.fire_time) FROM briefing_runs l WHERE l.briefing_id = r.briefing_id)
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var runs = new Dictionary<string, BriefingRun>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
            runs[reader.GetString(0)] = new BriefingRun(reader.GetString(0), Db.Time(reader, 1)!.Value, Db.Time(reader, 2)!.Value,
                Enum.Parse<BriefingOutcome>(reader.GetString(3), ignoreCase: true), Db.Time(reader, 4), Db.Text(reader, 5));
        return runs;
    }

    Task<int> WriteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        Db.WriteAsync(open, writeLock, connection => Db.Run(connection, sql, cancellationToken, parameters), cancellationToken);
}
