namespace BorderAlerts.Storage.Sqlite;

public sealed class SqliteMigrator(SqliteDatabase database) : IStoreMigrator
{
    public Task MigrateAsync(CancellationToken cancellationToken) => database.MigrateAsync(cancellationToken);
}
