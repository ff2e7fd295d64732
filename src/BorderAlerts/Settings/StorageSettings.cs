using Microsoft.Extensions.Options;

namespace BorderAlerts.Settings;

/// <summary>BorderAlerts:Storage: which store, and where.</summary>
public sealed class StorageSettings : ISettingsSection
{
    public static string Section => "BorderAlerts:Storage";

    /// <summary>sqlite (one process, the default) or postgres (many instances sharing one database).</summary>
    public string Provider { get; set; } = "sqlite";
    /// <summary>Optional for SQLite (default data/borderalerts.db); required for PostgreSQL. May hold a password: never printed.</summary>
    public string? ConnectionString { get; set; }
}

/// <summary>The connection string must parse for its provider. Messages never repeat it: it may carry a password.</summary>
public sealed class StorageSettingsValidator : IValidateOptions<StorageSettings>
{
    const string ConnectionString = "ConnectionString";

    public ValidateOptionsResult Validate(string? name, StorageSettings o)
    {
        var problems = new SettingsProblems(StorageSettings.Section)
            .Check(o.Provider is "sqlite" or "postgres", "Provider", $"'{o.Provider}' is not sqlite or postgres");
        if (o.Provider == "postgres") CheckPostgres(o.ConnectionString, problems);
        if (o.Provider == "sqlite")
            problems.Check(SqliteConnectionParses(o.ConnectionString), ConnectionString, "is not a valid SQLite connection string (Key=Value pairs separated by ';')");
        return problems.Result;
    }

    static void CheckPostgres(string? connectionString, SettingsProblems problems)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            problems.Check(false, ConnectionString, "is required for postgres, e.g. Host=db;Database=borderalerts;Username=borderalerts (set the password through an environment variable)");
            return;
        }
        try
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
            problems.Check(!string.IsNullOrWhiteSpace(builder.Host), ConnectionString, "names no Host");
        }
        catch (ArgumentException)
        {
            problems.Check(false, ConnectionString, "is not a valid PostgreSQL connection string (Key=Value pairs separated by ';')");
        }
    }

    static bool SqliteConnectionParses(string? connectionString)
    {
        try { _ = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString); return true; }
        catch (ArgumentException) { return false; }
    }
}
