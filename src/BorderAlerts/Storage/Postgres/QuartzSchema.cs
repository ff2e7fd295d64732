using Quartz.Impl.AdoJobStore;

namespace BorderAlerts.Storage.Postgres;

/// <summary>
/// Quartz's own PostgreSQL schema, read from the Quartz assembly we run (the script its job store would provision
/// itself), so the tables always match the package version. We apply it inside our migration instead of letting each
/// scheduler create tables at start: one instance creates them under the migration lock, the others find them there.
/// </summary>
internal static class QuartzSchema
{
    const string Resource = "Quartz.Impl.AdoJobStore.Schema.create_postgres.sql";
    const string Separator = "--;;";
    /// <summary>Quartz's default table prefix, lower case as PostgreSQL folds unquoted names.</summary>
    public const string TablePrefix = "qrtz_";

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
