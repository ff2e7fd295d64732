using BorderAlerts.Storage.Segments;
using Npgsql;

namespace BorderAlerts.Storage.Postgres;

/// <summary>
/// The scale-out store: one PostgreSQL database shared by every instance. Writers are not serialised in-process as
/// on SQLite; claims use row locks (FOR UPDATE SKIP LOCKED) and item identity one advisory lock per transaction.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    readonly NpgsqlDataSource _source;

    public PostgresDatabase(string connectionString)
    {
        var builder = Pooled(connectionString, "borderalerts");
        _source = NpgsqlDataSource.Create(builder);
        Location = Describe(builder);
        Segments = new PostgresSegmentStore(this);
    }

    /// <summary>The archive index's storage, vocabulary cache and this process's part of merging (one instance merges at a time).</summary>
    public SegmentStore Segments { get; }

    public SegmentMerger SearchMerger => Segments.Merger;

    /// <summary>
    /// The settings for a pool of ours or Quartz's, named for pg_stat_activity. No DISCARD ALL each time a pooled
    /// connection is reused: it is a transaction of its own (it doubled the commits per store call), and neither we nor
    /// Quartz leave session state behind (no SET, no temp tables; locks end with their transaction or are released).
    /// </summary>
    public static NpgsqlConnectionStringBuilder Pooled(string connectionString, string applicationName)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.ApplicationName)) builder.ApplicationName = applicationName;
        if (!connectionString.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase)) builder.NoResetOnClose = true;
        return builder;
    }

    /// <summary>host:port/database, safe to print.</summary>
    public string Location { get; }

    public static string Describe(NpgsqlConnectionStringBuilder builder) => $"{builder.Host}:{builder.Port}/{builder.Database}";

    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken = default) =>
        await _source.OpenConnectionAsync(cancellationToken);

    public ValueTask DisposeAsync() => _source.DisposeAsync();
}
