using BorderAlerts.Core.Config;
using Microsoft.Extensions.Logging;

namespace BorderAlerts.Core.Briefings;

/// <summary>
/// config/briefings.yaml, reloaded when the file changes (looked at most once a second): a broken edit is logged with
/// file, line and field and the previous briefings stay in force; at start a broken file throws (exit code 2).
/// <see cref="Version"/> moves on with each good reload, so the scheduler knows when to look again.
/// </summary>
public sealed class FileBriefings
{
    readonly string _path;
    readonly BriefingChecks _checks;
    readonly ILogger _log;
    readonly Lock _lock = new();
    IReadOnlyList<BriefingDefinition> _briefings;
    DateTime _stamp;
    long _nextLook;

    public FileBriefings(string path, BriefingChecks checks, ILogger<FileBriefings> log)
    {
        (_path, _checks, _log) = (path, checks, log);
        _stamp = Stamp();
        _briefings = BriefingsFile.Load(path, checks);
    }

    public string Path => _path;

    public int Version { get; private set; } = 1;

    public IReadOnlyList<BriefingDefinition> Current
    {
        get
        {
            lock (_lock)
            {
                if (Environment.TickCount64 < _nextLook) return _briefings;
                _nextLook = Environment.TickCount64 + 1000;
                if (Stamp() is var stamp && stamp == _stamp) return _briefings;
                _stamp = stamp;
                try
                {
                    _briefings = BriefingsFile.Load(_path, _checks);
                    Version++;
                    _log.LogInformation("Reloaded {Path}: {Count} briefings", _path, _briefings.Count);
                }
                catch (ConfigException e) { _log.LogError("Kept the previous briefings; {Path} has an error: {Error}", _path, e.Message); }
                return _briefings;
            }
        }
    }

    public BriefingDefinition? Find(string id) => Current.FirstOrDefault(b => b.Id == id);

    DateTime Stamp() => File.Exists(_path) ? File.GetLastWriteTimeUtc(_path) : DateTime.MinValue;
}
