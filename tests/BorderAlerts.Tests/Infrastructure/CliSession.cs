using BorderAlerts.Cli;

namespace BorderAlerts.Tests.Infrastructure;

public sealed record CliRun(int ExitCode, string Stdout, string Stderr);

/// <summary>
/// Runs <see cref="CliApp.RunAsync"/> in-process against a temp config and data folder, which the host finds through
/// BorderAlerts__ConfigDir and BorderAlerts__DataDir. Use only inside <see cref="ProcessEnvironment"/>.
/// </summary>
public sealed class CliSession : IDisposable
{
    /// <param name="store">The store the host uses: SQLite in the data folder, or a fresh PostgreSQL database.</param>
    public CliSession(Store store = Store.Sqlite)
    {
        Folder = new TempFolder(store);
        Environment = new EnvironmentScope()
            .Set("BorderAlerts__ConfigDir", Folder.Config)
            .Set("BorderAlerts__DataDir", Folder.Data);
        foreach (var (key, value) in Folder.StoreSettings()) Environment.Set("BorderAlerts__" + key.Replace(":", "__"), value);
    }

    public TempFolder Folder { get; }
    public EnvironmentScope Environment { get; }

    public void WriteFeeds(string yaml) => File.WriteAllText(Folder.FeedsYaml, yaml);

    public async Task<CliRun> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    public void Dispose()
    {
        Environment.Dispose();
        Folder.Dispose();
    }
}
