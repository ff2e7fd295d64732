namespace BorderAlerts.Tests.Infrastructure;

/// <summary>A fresh folder per test with config/ and data/ inside, removed afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "borderalerts-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Config);
        Directory.CreateDirectory(Data);
    }

    public string Root { get; }
    public string Config => Path.Combine(Root, "config");
    public string Data => Path.Combine(Root, "data");
    public string FeedsYaml => Path.Combine(Config, "feeds.yaml");
    public string RulesYaml => Path.Combine(Config, "rules.yaml");
    public string DatabaseFile => Path.Combine(Data, "borderalerts.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { } // a pooled handle from a parallel test: the OS temp cleaner gets it
    }
}
