using BorderAlerts.Core.Config;
using Microsoft.Extensions.Logging;

namespace BorderAlerts.Core.Watchlists;

/// <summary>
/// config/watchlists.yaml, reloaded when the file changes (looked at most once a second), as feeds.yaml is: a broken
/// edit is logged with file, line and field and the previous lists stay in force; at start a broken file throws
/// (exit code 2). <see cref="Current"/>'s version changes with each good reload.
/// </summary>
public sealed class FileWatchlists
{
    readonly string _path;
    readonly ILogger _log;
    readonly Lock _lock = new();
    IReadOnlyList<WatchlistDefinition> _lists;
    DateTime _stamp;
    int _version = 1;
    long _nextCheck;

    public FileWatchlists(string path, ILogger<FileWatchlists> log)
    {
        _path = path;
        _log = log;
        _stamp = Stamp();
        _lists = WatchlistsFile.Load(path);
    }

    public string Path => _path;

    public (IReadOnlyList<WatchlistDefinition> Lists, int Version) Current()
    {
        lock (_lock)
        {
            var now = Environment.TickCount64;
            if (now < _nextCheck) return (_lists, _version);
            _nextCheck = now + 1000;
            var stamp = Stamp();
            if (stamp == _stamp) return (_lists, _version);
            _stamp = stamp;
            try
            {
                _lists = WatchlistsFile.Load(_path);
                _version++;
                _log.LogInformation("Reloaded {Path}: {Count} watchlists", _path, _lists.Count);
            }
            catch (ConfigException e) { _log.LogError("Kept the previous watchlists; {Path} has an error: {Error}", _path, e.Message); }
            return (_lists, _version);
        }
    }

    /// <summary>The list of that id, enabled or not.</summary>
    public WatchlistDefinition? Find(string id) => Current().Lists.FirstOrDefault(l => l.Id == id);

    DateTime Stamp() => File.Exists(_path) ? File.GetLastWriteTimeUtc(_path) : DateTime.MinValue;
}
