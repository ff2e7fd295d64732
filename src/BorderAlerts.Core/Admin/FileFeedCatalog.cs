using BorderAlerts.Core.Feeds;
using BorderAlerts.Core.Config;
using Microsoft.Extensions.Logging;

namespace BorderAlerts.Core.Admin;

/// <summary>
/// feeds.yaml, reloaded when the file changes. A broken edit is logged with file, line and field and the last
/// good set stays in force, so a typo never stops polling; at start a broken file is fatal (exit code 2). Feeds added
/// or paused from chat (the <see cref="AdminOverlay"/>) are laid over the file's.
/// </summary>
public sealed class FileFeedCatalog : IFeedCatalog
{
    readonly string _path;
    readonly ILogger _log;
    readonly Lock _lock = new();
    readonly AdminOverlay _overlay;
    readonly ICronParser? _cron;
    readonly FeedDefaults? _defaults;
    IReadOnlyList<FeedDefinition> _feeds, _merged;
    long _overlayVersion = -1;
    DateTime _stamp;
    int _version = 1;
    long _nextCheck;

    /// <param name="cron">Reads the feeds' <c>cron:</c> schedules (the host's scheduler syntax).</param>
    /// <param name="defaults">What a feed gets without <c>every:</c>, <c>min:</c>, <c>max:</c> (settings Polling:DefaultEvery, AutoMin, AutoMax).</param>
    public FileFeedCatalog(string path, ILogger<FileFeedCatalog> log, AdminOverlay? overlay = null, ICronParser? cron = null, FeedDefaults? defaults = null)
    {
        _path = path;
        _log = log;
        _overlay = overlay ?? new AdminOverlay();
        _cron = cron;
        _defaults = defaults;
        _stamp = Stamp();
        _feeds = _merged = FeedsFile.Load(path, cron, defaults);
    }

    public (IReadOnlyList<FeedDefinition> Feeds, int Version) Current()
    {
        lock (_lock)
        {
            // The file is looked at most once a second: cards and passes ask often, the disk need not answer often.
            var now = Environment.TickCount64;
            var overlay = _overlay.Current;
            if (overlay.Version != _overlayVersion)
            {
                _overlayVersion = overlay.Version;
                _merged = Overrides.Apply(_feeds, overlay);
                _version++;
            }
            if (now < _nextCheck) return (_merged, _version);
            _nextCheck = now + 1000;
            var stamp = Stamp();
            if (stamp != _stamp)
            {
                _stamp = stamp;
                try
                {
                    _feeds = FeedsFile.Load(_path, _cron, _defaults);
                    _merged = Overrides.Apply(_feeds, overlay);
                    _version++;
                    _log.LogInformation("Reloaded {Path}: {Count} feeds", _path, _feeds.Count);
                }
                catch (ConfigException e) { _log.LogError("Kept the previous feeds; {Path} has an error: {Error}", _path, e.Message); }
            }
            return (_merged, _version);
        }
    }

    DateTime Stamp() => File.Exists(_path) ? File.GetLastWriteTimeUtc(_path) : DateTime.MinValue;
}
