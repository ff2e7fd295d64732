using System.Data.Common;
using BorderAlerts.Core.Storage;

namespace BorderAlerts.Storage;

/// <summary>
/// Open source-health conditions in source_conditions, the same statements on both stores: the primary key (feed_id,
/// condition) makes opening a condition one caller's act and a DELETE closing it; the count of rows changed says whose.
/// Not retried on a lost connection: a write that committed unseen costs one notice, a retry could tell one twice.
/// </summary>
/// <param name="writeLock">SQLite's one writer's turn; PostgreSQL needs none.</param>
public sealed class SourceConditionsTable(Func<CancellationToken, Task<DbConnection>> open, SemaphoreSlim? writeLock = null) : ISourceConditions
{
    public async Task<IReadOnlySet<SourceCondition>> ListOpenAsync(CancellationToken cancellationToken)
    {
        await using var connection = await open(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT feed_id, condition FROM source_conditions";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var conditions = new HashSet<SourceCondition>();
        while (await reader.ReadAsync(cancellationToken)) conditions.Add(new SourceCondition(reader.GetString(0), reader.GetString(1)));
        return conditions;
    }

    public Task<bool> TryOpenAsync(SourceCondition condition, DateTimeOffset at, CancellationToken cancellationToken) =>
        ChangeAsync("INSERT INTO source_conditions (feed_id, condition, opened_at) VALUES (@feed, @condition, @at) ON CONFLICT DO NOTHING",
            condition, at.ToUnixTimeMilliseconds(), cancellationToken);

    public Task<bool> TryCloseAsync(SourceCondition condition, CancellationToken cancellationToken) =>
        ChangeAsync("DELETE FROM source_conditions WHERE feed_id = @feed AND condition = @condition", condition, null, cancellationToken);

    async Task<bool> ChangeAsync(string sql, SourceCondition condition, long? at, CancellationToken cancellationToken)
    {
        if (writeLock is not null) await writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await open(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            Add(command, "feed", condition.FeedId);
            Add(command, "condition", condition.Name);
            if (at is { } ms) Add(command, "at", ms);
            return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        }
        finally { writeLock?.Release(); }
    }

    static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
