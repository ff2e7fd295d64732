using BorderAlerts.Core.Search;
using BorderAlerts.Core.Storage;
using BorderAlerts.Storage;
using BorderAlerts.Storage.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace BorderAlerts.Benchmarks.Search;

/// <summary>
/// The archive in a PostgreSQL database of its own (`--db NAME`, borderalerts_bench by default, created when missing,
/// so the tests' databases are never touched), on the server the product or `.ci/postgres` points at, migrated by the
/// product's migrator. After an ingest the background merges are waited for and the tables vacuumed and analysed, as
/// autovacuum would do on a live archive. `--bulk` loads without synchronous commits; the items still go through
/// <see cref="PostgresPollStore.CompleteAsync"/>.
/// </summary>
internal sealed class PostgresBenchStore : ISearchBenchStore
{
    const string Default = "Host=127.0.0.1;Port=5432;Username=borderalerts;Password=borderalerts;Database=borderalerts_test";
    readonly PostgresDatabase _database;
    readonly string _admin, _name;
    readonly bool _bulk;

    PostgresBenchStore(PostgresDatabase database, string admin, string name, bool reused, bool bulk, string version)
    {
        (_database, _admin, _name, Reused, _bulk) = (database, admin, name, reused, bulk);
        PollStore = new PostgresPollStore(database);
        Index = new PostgresSearchIndex(database);
        Describe = $"{database.Location}; {version}";
    }

    public const string DefaultName = "borderalerts_bench";

    /// <summary>`--postgres`, else the product's setting (BorderAlerts__Storage__ConnectionString), else what `.ci/postgres` exports.</summary>
    public static string ServerConnectionString(string? given) =>
        new[] { given, Environment.GetEnvironmentVariable("BorderAlerts__Storage__ConnectionString"), Environment.GetEnvironmentVariable("BORDERALERTS_TEST_POSTGRES") }
            .FirstOrDefault(s => !string.IsNullOrWhiteSpace(s)) ?? Default;

    public static async Task<PostgresBenchStore> OpenAsync(string server, string name, bool reuse, bool bulk, TextWriter log, CancellationToken cancellationToken)
    {
        if (!System.Text.RegularExpressions.Regex.IsMatch(name, "^[a-z_][a-z0-9_]*$")) throw new ArgumentException($"--db: '{name}' is not a plain PostgreSQL database name");
        var exists = await AdminScalarAsync(server, $"SELECT count(*) FROM pg_database WHERE datname = '{name}'", cancellationToken) is 1L;
        reuse = reuse && exists;
        if (!reuse)
        {
            await AdminScalarAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)", cancellationToken);
            await AdminScalarAsync(server, $"CREATE DATABASE {name}", cancellationToken);
        }
        bulk = bulk && !reuse;
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        builder.CommandTimeout = 0; // VACUUM at 1,000,000 items takes minutes
        if (bulk) builder.Options = "-c synchronous_commit=off";
        var database = new PostgresDatabase(builder.ConnectionString);
        var migrate = System.Diagnostics.Stopwatch.StartNew();
        await new PostgresMigrator(database, NullLogger<PostgresMigrator>.Instance).MigrateAsync(cancellationToken); // reused: indexes what is not yet indexed
        if (reuse) log.WriteLine($"migrated and back-filled in {migrate.Elapsed.TotalSeconds:N1} s");
        await using var connection = await database.OpenAsync(cancellationToken);
        var version = (string)(await Db.Scalar(connection, "SELECT 'PostgreSQL ' || current_setting('server_version') || ', shared_buffers ' || current_setting('shared_buffers')", cancellationToken))!;
        return new PostgresBenchStore(database, server, name, reuse, bulk, version);
    }

    public string Describe { get; }
    public bool Reused { get; }
    public IPollStore PollStore { get; }
    public ISearchIndex Index { get; }

    public async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await Db.Run(connection, sql, cancellationToken);
    }

    public string WritePath => _bulk ? "PostgresPollStore.CompleteAsync, bulk: no synchronous commit" : "PostgresPollStore.CompleteAsync";

    /// <summary>Background merges finished; VACUUM ANALYZE stands in for autovacuum (statistics, visibility map).</summary>
    public async Task CaughtUpAsync()
    {
        await _database.SearchMerger.IdleAsync();
        await using var connection = await _database.OpenAsync();
        await Db.Run(connection, "VACUUM (ANALYZE) items, search_segments, search_blocks, search_words", CancellationToken.None);
    }

    public async Task<(long Items, long RawBytes)> RawTextAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = Db.Command(connection, "SELECT count(*), coalesce(sum(octet_length(title) + octet_length(text)), 0)::bigint FROM items");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    public Task<long> CountAsync(SearchExpression restriction, CancellationToken cancellationToken) =>
        PostgresSearchIndex.CountAsync(_database, restriction, cancellationToken);

    /// <summary>Bytes per table (with its TOAST) and per index; an index counts with the table it belongs to.</summary>
    public async Task<StoreSizes> SizesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = Db.Command(connection, """
            SELECT c.relname, coalesce(t.relname, c.relname), CASE c.relkind WHEN 'i' THEN pg_relation_size(c.oid) ELSE pg_table_size(c.oid) END
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_index x ON x.indexrelid = c.oid LEFT JOIN pg_class t ON t.oid = x.indrelid
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'i') ORDER BY 3 DESC
            """);
        var relations = new List<(string Name, string Table, long Bytes)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken)) relations.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
        var file = (long)(await Db.Scalar(connection, "SELECT pg_database_size(current_database())", cancellationToken))!;
        long Sum(Func<string, bool> which) => relations.Where(r => which(r.Table)).Sum(r => r.Bytes);
        static bool Index(string table) => table is "search_segments" or "search_blocks" or "search_words";
        return new StoreSizes(file, Sum(Index), Sum(t => t == "items"), Sum(t => !Index(t) && t != "items"),
            relations.Select(r => (r.Name, r.Bytes)).ToList());
    }

    public async Task FinishAsync(bool keep)
    {
        await _database.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        if (!keep) await AdminScalarAsync(_admin, $"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", CancellationToken.None);
    }

    static async Task<object?> AdminScalarAsync(string server, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync(cancellationToken);
        return await Db.Scalar(connection, sql, cancellationToken);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
