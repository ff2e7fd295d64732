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
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.ApplicationName)) builder.ApplicationName = "borderalerts";
        _source = NpgsqlDataSource.Create(builder);
        Location = Describe(builder);
    }

    /// <summary>host:port/database, safe to print.</summary>
    public string Location { get; }

    public static string Describe(NpgsqlConnectionStringBuilder builder) => $"{builder.Host}:{builder.Port}/{builder.Database}";

    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken = default) =>
        await _source.OpenConnectionAsync(cancellationToken);

    public ValueTask DisposeAsync() => _source.DisposeAsync();
}
