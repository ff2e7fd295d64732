using System.Data.Common;

namespace BorderAlerts.Storage;

/// <summary>
/// Small ADO.NET helpers both stores share, so their SQL stays readable. A parameter is named as its SQL names it
/// ("$now" for SQLite's `$now`) or without a prefix for `@now`, which both drivers read. Times are Unix milliseconds
/// on both stores, so leases and windows compare the same way.
/// </summary>
internal static class Db
{
    public static long Ms(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    public static DateTimeOffset? Time(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));

    public static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static int? Int(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);

    public static long? Long(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    public static DbCommand Command(DbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    public static async Task<int> Run(DbConnection connection, string sql, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// A write on a connection of its own, in SQLite's one writer's turn (<paramref name="writeLock"/>; PostgreSQL passes
    /// none), so the tables that share the store's statements take the turn alike.
    /// </summary>
    public static async Task<T> WriteAsync<T>(Func<CancellationToken, Task<DbConnection>> open, SemaphoreSlim? writeLock,
        Func<DbConnection, Task<T>> write, CancellationToken cancellationToken)
    {
        if (writeLock is not null) await writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await open(cancellationToken);
            return await write(connection);
        }
        finally { writeLock?.Release(); }
    }

    public static async Task<object?> Scalar(DbConnection connection, string sql, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
