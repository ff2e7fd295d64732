namespace BorderAlerts.Storage.Sqlite;

public sealed class SqliteHealthReader(SqliteDatabase database) : FeedHealthReader(async ct => await database.OpenAsync(ct));
