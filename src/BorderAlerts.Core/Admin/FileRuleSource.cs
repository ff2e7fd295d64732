using BorderAlerts.Core.Rules;
using BorderAlerts.Core.Rules.ListConcepts;
using BorderAlerts.Core.Watchlists;
using BorderAlerts.Core.Config;
using Microsoft.Extensions.Logging;

namespace BorderAlerts.Core.Admin;

/// <summary>
/// rules.yaml, reloaded without a restart. The file's time stamp is looked at most once a second; a change is compiled
/// on a background task while matching goes on with the old rules, then swapped in with one reference write. A broken
/// file keeps the previous rules; a rule with a bad query is reported and skipped, the others keep working. Rules
/// added or edited from chat (the <see cref="AdminOverlay"/>) are laid over the file's, and a change to them recompiles too.
/// The watchlists (<see cref="IWatchlistCatalog"/>) compile in as concepts; a new catalog version recompiles the same way.
/// </summary>
public sealed class FileRuleSource : IRuleSource
{
    readonly string _path;
    readonly ILogger _log;
    readonly TimeProvider _clock;
    readonly AdminOverlay _overlay;
    readonly IWatchlistCatalog _catalog;
    readonly string? _watchlistsFile;
    readonly Lock _reloading = new();
    RulesDocument _file;
    RuleSet _current;
    WatchlistConcepts _watchlists = WatchlistConcepts.None;
    long _overlayVersion, _watchlistVersion;
    DateTime _stamp;
    long _nextCheck;
    int _compiling;

    public FileRuleSource(string path, ILogger<FileRuleSource> log, TimeProvider clock, AdminOverlay? overlay = null,
        IWatchlistCatalog? watchlists = null, string? watchlistsFile = null)
    {
        _path = path;
        _log = log;
        _clock = clock;
        _overlay = overlay ?? new AdminOverlay();
        _catalog = watchlists ?? NoWatchlists.Instance;
        _watchlistsFile = watchlistsFile;
        _stamp = Stamp();
        _overlayVersion = _overlay.Current.Version;
        _file = RulesFile.Load(path);
        RefreshWatchlists();
        _current = RuleSet.Compile(Overrides.Apply(_file, _overlay.Current), _watchlists);
        Report(_current);
    }

    public RuleSet Current
    {
        get
        {
            var now = _clock.GetTimestamp();
            if (now >= Volatile.Read(ref _nextCheck))
            {
                Volatile.Write(ref _nextCheck, now + _clock.TimestampFrequency);
                if ((Stamp() != _stamp || _overlay.Current.Version != Volatile.Read(ref _overlayVersion) || _catalog.Current().Version != Volatile.Read(ref _watchlistVersion))
                    && Interlocked.Exchange(ref _compiling, 1) == 0) _ = Task.Run(Reload);
            }
            return Volatile.Read(ref _current);
        }
    }

    /// <summary>Reloads now and waits; for tests and for commands that just changed the file.</summary>
    public void ReloadNow() { Interlocked.Exchange(ref _compiling, 1); Reload(); }

    /// <summary>
    /// One compile at a time, each from the newest file and overlay, so a slow background compile can never replace a
    /// newer one. A broken file keeps its last good version, and chat changes still apply on top of it.
    /// </summary>
    void Reload()
    {
        lock (_reloading)
        {
            try
            {
                var stamp = Stamp();
                var overlay = _overlay.Current;
                try { _file = RulesFile.Load(_path); }
                catch (Exception e) when (e is ConfigException or IOException or UnauthorizedAccessException)
                { _log.LogError("Kept the previous version of {Path}; {Error}", _path, e.Message); }
                _stamp = stamp;
                RefreshWatchlists();
                var rules = RuleSet.Compile(Overrides.Apply(_file, overlay), _watchlists);
                Volatile.Write(ref _overlayVersion, overlay.Version);
                Volatile.Write(ref _current, rules);
                _log.LogInformation("Reloaded rules: {Rules} rules, {Patterns} terms", rules.Rules.Count, rules.Matcher.PatternCount);
                Report(rules);
            }
            catch (ConfigException e) { _log.LogError("Kept the previous rules; {Error}", e.Message); }
            catch (Exception e) { _log.LogError(e, "Kept the previous rules; reloading {Path} failed", _path); } // a background task: never fail silently
            finally { Volatile.Write(ref _compiling, 0); }
        }
    }

    /// <summary>
    /// The watchlist concepts anew when the catalog's version moved (a list's names compile once per version, not per
    /// rules edit); a broken watchlists.yaml keeps the previous concepts.
    /// </summary>
    void RefreshWatchlists()
    {
        var version = _catalog.Current().Version;
        if (version == _watchlistVersion && !ReferenceEquals(_watchlists, WatchlistConcepts.None)) return;
        try { _watchlists = WatchlistConceptSource.Load(_catalog, _watchlistsFile); }
        catch (Exception e) when (e is ConfigException or IOException or UnauthorizedAccessException)
        { _log.LogError("Kept the previous watchlist concepts; {Error}", e.Message); }
        Volatile.Write(ref _watchlistVersion, version);
    }

    void Report(RuleSet rules)
    {
        foreach (var problem in rules.Problems) _log.LogError("Rule skipped: {Problem}", problem.ToString());
    }

    DateTime Stamp() => File.Exists(_path) ? File.GetLastWriteTimeUtc(_path) : DateTime.MinValue;
}
