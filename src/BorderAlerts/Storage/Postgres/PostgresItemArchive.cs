namespace BorderAlerts.Storage.Postgres;

public sealed class PostgresItemArchive(PostgresDatabase database) : ItemArchive(async ct => await database.OpenAsync(ct));
