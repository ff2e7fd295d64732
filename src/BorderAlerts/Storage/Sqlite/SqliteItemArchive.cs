namespace BorderAlerts.Storage.Sqlite;

public sealed class SqliteItemArchive(SqliteDatabase database) : ItemArchive(async ct => await database.OpenAsync(ct));
