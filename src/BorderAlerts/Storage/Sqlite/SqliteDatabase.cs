using BorderAlerts.Storage.Segments;
using Microsoft.Data.Sqlite;

namespace BorderAlerts.Storage.Sqlite;

/// <summary>
/// The embedded store: one file under the data folder, WAL mode, migrations applied at start.
/// Writes are serialised in-process (SQLite has one writer); reads run beside them thanks to WAL.
/// </summary>
public sealed class SqliteDatabase
{
    readonly string _connectionString;
    public SemaphoreSlim WriteLock { get; } = new(1, 1);

    /// <summary>The archive index's storage, vocabulary cache and background merging: one per database.</summary>
    public SegmentStore Segments { get; }

    public SegmentMerger SearchMerger => Segments.Merger;

    public SqliteDatabase(string connectionString)
    {
        Segments = new SqliteSegmentStore(this);
        _connectionString = new SqliteConnectionStringBuilder(connectionString)
        {
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>The database file, or null for an in-memory database.</summary>
    public string? FilePath => new SqliteConnectionStringBuilder(_connectionString).DataSource is { Length: > 0 } path
        && path != ":memory:" && !path.StartsWith("file::memory:", StringComparison.Ordinal) ? Path.GetFullPath(path) : null;

    public static SqliteDatabase InDataDir(string dataDir)
    {
        Directory.CreateDirectory(dataDir);
        return new SqliteDatabase($"Data Source={Path.Combine(dataDir, "borderalerts.db")}");
    }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA busy_timeout = 30000; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await Db.Run(connection, "PRAGMA journal_mode = WAL;", cancellationToken);
        var version = Convert.ToInt32(await Db.Scalar(connection, "PRAGMA user_version;", cancellationToken));
        foreach (var (target, sql) in SqliteMigrations.All.Where(m => m.Version > version))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await Db.Run(connection, sql + $"\nPRAGMA user_version = {target};", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }
}
