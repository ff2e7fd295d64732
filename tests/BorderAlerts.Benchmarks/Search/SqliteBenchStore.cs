using System.Diagnostics;
using BorderAlerts.Core.Search;
using BorderAlerts.Core.Storage;
using BorderAlerts.Storage;
using BorderAlerts.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace BorderAlerts.Benchmarks.Search;

/// <summary>The archive in a SQLite file (`--db PATH`), migrated by the product's migrator; a reused file gets what is not yet indexed indexed, as at start.</summary>
internal sealed class SqliteBenchStore : ISearchBenchStore
{
    readonly SqliteDatabase _database;
    readonly string _path;

    SqliteBenchStore(SqliteDatabase database, string path, bool reused, string version)
    {
        (_database, _path, Reused) = (database, path, reused);
        PollStore = new SqlitePollStore(database);
        Index = new SqliteSearchIndex(database);
        Describe = $"{path}; SQLite {version}";
    }

    public static string DefaultPath => Path.Combine(Path.GetTempPath(), "borderalerts-search-bench", "search.db");

    public static async Task<SqliteBenchStore> OpenAsync(string path, bool reuse, TextWriter log, CancellationToken cancellationToken)
    {
        reuse = reuse && File.Exists(path);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        if (!reuse) Delete(path);
        var database = new SqliteDatabase($"Data Source={path}");
        var migrate = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        await new SqliteMigrator(database).MigrateAsync(cancellationToken); // on a reused database: indexes what is not yet indexed
        if (reuse) log.WriteLine($"migrated and back-filled in {migrate.Elapsed.TotalSeconds:N1} s, CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:N1} s");
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Db.Command(connection, "SELECT sqlite_version()");
        return new SqliteBenchStore(database, path, reuse, (string)(await command.ExecuteScalarAsync(cancellationToken))!);
    }

    public string Describe { get; }
    public bool Reused { get; }
    public string WritePath => "SqlitePollStore.CompleteAsync";
    public IPollStore PollStore { get; }
    public ISearchIndex Index { get; }

    public async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await Db.Run(connection, sql, cancellationToken);
    }

    public Task CaughtUpAsync() => _database.SearchMerger.IdleAsync();

    public async Task<(long Items, long RawBytes)> RawTextAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = Db.Command(connection, "SELECT count(*), coalesce(sum(length(CAST(title AS BLOB)) + length(CAST(text AS BLOB))), 0) FROM items");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    public Task<long> CountAsync(SearchExpression restriction, CancellationToken cancellationToken) =>
        SqliteSearchIndex.CountAsync(_database, restriction, cancellationToken);

    /// <summary>
    /// Page bytes per table and index from the dbstat virtual table, after a WAL checkpoint. The bundled SQLite is built
    /// without it, so the query runs in the sqlite3 command-line tool (read-only) when the library refuses it.
    /// </summary>
    public async Task<StoreSizes> SizesAsync(CancellationToken cancellationToken)
    {
        await ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE)", cancellationToken);
        const string Query = "SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC";
        var tables = new List<(string, long)>();
        try
        {
            await using var connection = await _database.OpenAsync(cancellationToken);
            await using var command = Db.Command(connection, Query);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) tables.Add((reader.GetString(0), reader.GetInt64(1)));
        }
        catch (SqliteException e) when (e.Message.Contains("dbstat", StringComparison.Ordinal))
        {
            tables = await CliDbstatAsync(_path, Query, cancellationToken);
        }
        long Sum(Func<string, bool> which) => tables.Where(t => which(t.Item1)).Sum(t => t.Item2);
        static bool IsIndex(string name) => name.StartsWith("search_", StringComparison.Ordinal) || name.StartsWith("sqlite_autoindex_search_", StringComparison.Ordinal);
        static bool IsItems(string name) => name is "items" or "items_first_seen";
        return new StoreSizes(new FileInfo(_path).Length, Sum(IsIndex), Sum(IsItems), Sum(n => !IsIndex(n) && !IsItems(n)), tables);
    }

    static async Task<List<(string, long)>> CliDbstatAsync(string path, string query, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("sqlite3") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-readonly", "-separator", "\t", path, query }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("sqlite3 did not start");
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0) throw new InvalidOperationException($"sqlite3 (for dbstat): {await process.StandardError.ReadToEndAsync(cancellationToken)}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('\t'))
            .Select(f => (f[0], long.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture))).ToList();
    }

    public Task FinishAsync(bool keep)
    {
        SqliteConnection.ClearAllPools();
        if (!keep) Delete(_path);
        return Task.CompletedTask;
    }

    static void Delete(string path)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(path + suffix);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
