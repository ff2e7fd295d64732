using System.Data.Common;
using BorderAlerts.Core.Storage;

namespace BorderAlerts.Storage;

/// <summary>
/// The instances table, in SQL both stores speak alike (upsert, named parameters). SQLite passes its write lock, as
/// every SQLite writer does; PostgreSQL needs none.
/// </summary>
public sealed class InstanceHeartbeats(Func<CancellationToken, Task<DbConnection>> open, SemaphoreSlim? writeLock = null) : IInstanceHeartbeats
{
    public Task BeatAsync(string instance, DateTimeOffset startedAt, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync("""
            INSERT INTO instances (id, started_at, beat_at) VALUES (@id, @started, @now)
            ON CONFLICT (id) DO UPDATE SET beat_at = excluded.beat_at
            """, cancellationToken, ("id", instance), ("started", startedAt.ToUnixTimeMilliseconds()), ("now", now.ToUnixTimeMilliseconds()));

    public Task LeaveAsync(string instance, CancellationToken cancellationToken) =>
        WriteAsync("DELETE FROM instances WHERE id = @id", cancellationToken, ("id", instance));

    public async Task<IReadOnlyList<LiveInstance>> LiveAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await open(cancellationToken);
        await using var command = Command(connection, "SELECT id, started_at, beat_at FROM instances WHERE beat_at > @since ORDER BY started_at, id",
            ("since", (now - IInstanceHeartbeats.LiveWithin).ToUnixTimeMilliseconds()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var live = new List<LiveInstance>();
        while (await reader.ReadAsync(cancellationToken))
            live.Add(new LiveInstance(reader.GetString(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2))));
        return live;
    }

    async Task WriteAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        if (writeLock is not null) await writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await open(cancellationToken);
            await using var command = Command(connection, sql, parameters);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        finally { writeLock?.Release(); }
    }

    static DbCommand Command(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return command;
    }
}
