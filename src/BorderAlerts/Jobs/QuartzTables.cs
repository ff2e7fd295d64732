using BorderAlerts.Storage.Postgres;
using Quartz.Impl.AdoJobStore;

namespace BorderAlerts.Jobs;

/// <summary>
/// The cluster scheduler's tables on PostgreSQL, from the script in the Quartz assembly we run (what its job store would
/// provision itself), so they always match the package version. Created under the store's migration lock, before any
/// scheduler starts: one instance creates them, the others find them there. Databases migrated by earlier versions
/// have them already (their migration step 2).
/// </summary>
public static class QuartzTables
{
    const string Resource = "Quartz.Impl.AdoJobStore.Schema.create_postgres.sql";
    const string Separator = "--;;";
    /// <summary>Quartz's default table prefix, lower case as PostgreSQL folds unquoted names.</summary>
    const string TablePrefix = "qrtz_";

    public static Task EnsureAsync(PostgresMigrator migrator, CancellationToken cancellationToken) =>
        migrator.EnsureTablesAsync("Quartz clustered job store", $"{TablePrefix}locks", Statements(), cancellationToken);

    public static IReadOnlyList<string> Statements()
    {
        using var stream = typeof(PostgreSQLDelegate).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The Quartz assembly has no {Resource}: was the Quartz package changed?");
        var script = new StreamReader(stream).ReadToEnd().Replace("{0}", TablePrefix).Replace("{1}", TablePrefix);
        var statements = new List<string>();
        var chunk = new List<string>();
        foreach (var line in script.Split('\n').Append(Separator))
        {
            if (line.TrimEnd() != Separator) { chunk.Add(line); continue; }
            // The script's header is a chunk of comments only; every other chunk is one statement.
            if (chunk.Any(l => l.Trim() is { Length: > 0 } t && !t.StartsWith("--", StringComparison.Ordinal))) statements.Add(string.Join('\n', chunk));
            chunk.Clear();
        }
        return statements;
    }
}
