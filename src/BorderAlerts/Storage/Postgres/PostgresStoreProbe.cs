using BorderAlerts.Core.Storage;
using Npgsql;

namespace BorderAlerts.Storage.Postgres;

/// <summary>/healthz for PostgreSQL: the server answers, the schema is there, and the session may write.</summary>
internal sealed class PostgresStoreProbe(PostgresDatabase database) : IStoreProbe
{
    public async Task<string?> ProblemAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await Db.Run(connection, "SELECT count(*) FROM feeds WHERE false", cancellationToken);
            await using var readOnly = Db.Command(connection, "SHOW transaction_read_only");
            return await readOnly.ExecuteScalarAsync(cancellationToken) as string == "on" ? "the database is read-only" : null;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return $"PostgreSQL cannot be read or written ({(e is PostgresException p ? $"SQLSTATE {p.SqlState}" : e.GetType().Name)})";
        }
    }
}
