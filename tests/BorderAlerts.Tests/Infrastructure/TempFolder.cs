namespace BorderAlerts.Tests.Infrastructure;

/// <summary>
/// A fresh folder per test with config/ and data/ inside, removed afterwards; for <see cref="Store.Postgres"/> also a
/// fresh database, dropped afterwards. A Pipeline started on the folder uses that store.
/// </summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder(Store store = Store.Sqlite)
    {
        Root = Path.Combine(Path.GetTempPath(), "borderalerts-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Config);
        Directory.CreateDirectory(Data);
        Postgres = store == Store.Postgres ? TestPostgres.CreateDatabase() : null;
    }

    public string Root { get; }
    public TestDatabase? Postgres { get; }
    public Store Store => Postgres is null ? Store.Sqlite : Store.Postgres;
    public string Config => Path.Combine(Root, "config");
    public string Data => Path.Combine(Root, "data");
    public string FeedsYaml => Path.Combine(Config, "feeds.yaml");
    public string RulesYaml => Path.Combine(Config, "rules.yaml");
    public string DatabaseFile => Path.Combine(Data, "borderalerts.db");

    /// <summary>The settings that point a host at this folder's store.</summary>
    public IEnumerable<(string Key, string Value)> StoreSettings() => Postgres is null ? []
        : [("Storage:Provider", "postgres"), ("Storage:ConnectionString", Postgres.ConnectionString)];

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { } // a pooled handle from a parallel test: the OS temp cleaner gets it
        Postgres?.Dispose();
    }
}
