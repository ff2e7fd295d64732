namespace BorderAlerts.Storage.Sqlite;

public sealed class SqliteMigrator(SqliteDatabase database) : IStoreMigrator
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await database.MigrateAsync(cancellationToken);
        await SqliteSearchIndex.BackfillAsync(database, cancellationToken);
    }
}
