using Npgsql;

namespace BorderAlerts.Storage.Postgres;

/// <summary>
/// Brings the shared database up to date. Every instance runs this at start; a session-level advisory lock lets the
/// first apply the steps (and index items stored before the search index existed) while the others wait, then find
/// nothing left to do. Each step commits with its schema_version row, so a crash mid-way resumes at the step that did
/// not finish.
/// </summary>
public sealed class PostgresMigrator(PostgresDatabase database, ILogger<PostgresMigrator> log) : IStoreMigrator
{
    /// <summary>Any fixed number unique to this application's migrations ("BorderAl").</summary>
    internal const long LockKey = 0x426F_7264_6572_416C;

    public Task MigrateAsync(CancellationToken cancellationToken) => UnderLockAsync(async connection =>
    {
        await Db.Run(connection, """
            CREATE TABLE IF NOT EXISTS schema_version (
                version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())
            """, cancellationToken);
        var current = Convert.ToInt32(await Db.Scalar(connection, "SELECT COALESCE(MAX(version), 0) FROM schema_version", cancellationToken));
        foreach (var step in PostgresMigrations.All.Where(s => s.Version > current)) await ApplyAsync(connection, step, cancellationToken);
        await PostgresSearchIndex.BackfillAsync(connection, database, cancellationToken);
    }, cancellationToken);

    /// <summary>
    /// Tables another component owns and defines (the cluster scheduler's), created in one transaction under the same
    /// lock unless <paramref name="probeTable"/> already exists.
    /// </summary>
    public Task EnsureTablesAsync(string owner, string probeTable, IReadOnlyList<string> statements, CancellationToken cancellationToken) =>
        UnderLockAsync(async connection =>
        {
            if (await Db.Scalar(connection, "SELECT to_regclass(@table) IS NOT NULL", cancellationToken, ("table", probeTable)) is true) return;
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            foreach (var sql in statements) await Db.Run(connection, sql, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            log.LogInformation("PostgreSQL tables of the {Owner} created", owner);
        }, cancellationToken);

    async Task UnderLockAsync(Func<NpgsqlConnection, Task> work, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await Db.Run(connection, "SELECT pg_advisory_lock(@key)", cancellationToken, ("key", LockKey));
        try { await work(connection); }
        finally
        {
            // Released on the same session; if the connection broke instead, the server released it with the session.
            if (connection.State == System.Data.ConnectionState.Open)
                await Db.Run(connection, "SELECT pg_advisory_unlock(@key)", CancellationToken.None, ("key", LockKey));
        }
    }

    async Task ApplyAsync(NpgsqlConnection connection, PostgresMigrations.Step step, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var sql in step.Statements()) await Db.Run(connection, sql, cancellationToken);
        await Db.Run(connection, "INSERT INTO schema_version (version, name) VALUES (@version, @name)", cancellationToken,
            ("version", step.Version), ("name", step.Name));
        await transaction.CommitAsync(cancellationToken);
        log.LogInformation("PostgreSQL schema step {Version} applied: {Name}", step.Version, step.Name);
    }
}
