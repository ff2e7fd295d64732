namespace BorderAlerts.Storage.Postgres;

public sealed class PostgresHealthReader(PostgresDatabase database) : FeedHealthReader(async ct => await database.OpenAsync(ct));
