using BorderAlerts.Jobs;
using BorderAlerts.Storage.Postgres;
using BorderAlerts.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace BorderAlerts.Tests.ScaleOut;

/// <summary>
/// Instances migrate the shared database at start: one applies each step, the others wait for it and find nothing
/// left to do. The cluster scheduler's tables are created under the same lock, once.
/// </summary>
public sealed class PostgresMigrationTests
{
    static PostgresMigrator Migrator(PostgresDatabase database) => new(database, NullLogger<PostgresMigrator>.Instance);

    static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    [PostgresFact]
    public async Task Four_instances_migrating_at_once_apply_each_step_once()
    {
        using var folder = new TempFolder(Store.Postgres);
        var databases = Enumerable.Range(0, 4).Select(_ => new PostgresDatabase(folder.Postgres!.ConnectionString)).ToList();

        await Task.WhenAll(databases.Select(d => Task.Run(async () =>
        {
            await Migrator(d).MigrateAsync(CancellationToken.None);
            await QuartzTables.EnsureAsync(Migrator(d), CancellationToken.None);
        })));
        await Migrator(databases[0]).MigrateAsync(CancellationToken.None); // a restart: nothing to do
        await QuartzTables.EnsureAsync(Migrator(databases[0]), CancellationToken.None);

        var connection = folder.Postgres!.ConnectionString;
        Assert.Equal(PostgresMigrations.All.Length, await CountAsync(connection, "SELECT COUNT(*) FROM schema_version"));
        Assert.Equal(PostgresMigrations.All.Max(s => s.Version), await CountAsync(connection, "SELECT MAX(version) FROM schema_version"));
        Assert.Equal(1, await CountAsync(connection, "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'qrtz_locks'"));
        Assert.Equal(1, await CountAsync(connection, "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'deliveries'"));
        foreach (var database in databases) await database.DisposeAsync();
    }

    [PostgresFact]
    public async Task An_instance_starting_while_another_migrates_waits_for_it()
    {
        using var folder = new TempFolder(Store.Postgres);
        var connectionString = folder.Postgres!.ConnectionString;
        await using var database = new PostgresDatabase(connectionString);
        await using var other = new NpgsqlConnection(connectionString); // another instance, mid-migration
        await other.OpenAsync();
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({PostgresMigrator.LockKey})", other)) await take.ExecuteNonQueryAsync();

        var migrating = Migrator(database).MigrateAsync(CancellationToken.None);
        await Eventually.TrueAsync(async () => await CountAsync(connectionString,
            "SELECT COUNT(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE d.datname = current_database() AND l.locktype = 'advisory' AND NOT l.granted") == 1, "the second instance waits for the lock");
        var tablesWhileWaiting = await CountAsync(connectionString, "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'schema_version'");
        await using (var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({PostgresMigrator.LockKey})", other)) await release.ExecuteNonQueryAsync();
        await migrating;

        Assert.Equal(0, tablesWhileWaiting);
        Assert.Equal(PostgresMigrations.All.Length, await CountAsync(connectionString, "SELECT COUNT(*) FROM schema_version"));
    }
}
