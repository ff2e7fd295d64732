namespace BorderAlerts.Core.Tests;

/// <summary>Edits of a configuration file that a reloading reader must notice, and the wait until it has.</summary>
public static class ConfigFileEdits
{
    /// <summary>Writes the file with a modification time clearly after the last one, as an editor's save would.</summary>
    public static void Rewrite(string path, string yaml)
    {
        File.WriteAllText(path, yaml);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(5));
    }

    /// <summary>A reader looks at its file at most once a second: ask (<paramref name="ask"/>) until it has tried the new version.</summary>
    public static bool Until(Action ask, Func<bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!done() && DateTime.UtcNow < deadline) { ask(); Thread.Sleep(50); }
        return done();
    }
}
