using BorderAlerts.Core.Config;
using Microsoft.Extensions.Logging;

namespace BorderAlerts.Core.Rules;

/// <summary>
/// rules.yaml, reloaded without a restart. The file's time stamp is looked at most once a second; a change is compiled
/// on a background task while matching goes on with the old rules, then swapped in with one reference write. A broken
/// file keeps the previous rules; a rule with a bad query is reported and skipped, the others keep working.
/// </summary>
public sealed class FileRuleSource : IRuleSource
{
    readonly string _path;
    readonly ILogger _log;
    readonly TimeProvider _clock;
    RuleSet _current;
    DateTime _stamp;
    long _nextCheck;
    int _compiling;

    public FileRuleSource(string path, ILogger<FileRuleSource> log, TimeProvider clock)
    {
        _path = path;
        _log = log;
        _clock = clock;
        _stamp = Stamp();
        _current = RuleSet.Compile(RulesFile.Load(path));
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
                if (Stamp() != _stamp && Interlocked.Exchange(ref _compiling, 1) == 0) _ = Task.Run(Reload);
            }
            return Volatile.Read(ref _current);
        }
    }

    /// <summary>Reloads now and waits; for tests and for commands that just changed the file.</summary>
    public void ReloadNow() { Interlocked.Exchange(ref _compiling, 1); Reload(); }

    void Reload()
    {
        try
        {
            var stamp = Stamp();
            var rules = RuleSet.Compile(RulesFile.Load(_path));
            _stamp = stamp;
            Volatile.Write(ref _current, rules);
            _log.LogInformation("Reloaded {Path}: {Rules} rules, {Patterns} terms", _path, rules.Rules.Count, rules.Matcher.PatternCount);
            Report(rules);
        }
        catch (Exception e) when (e is ConfigException or IOException or UnauthorizedAccessException)
        { _stamp = Stamp(); _log.LogError("Kept the previous rules; {Error}", e.Message); }
        finally { Volatile.Write(ref _compiling, 0); }
    }

    void Report(RuleSet rules)
    {
        foreach (var problem in rules.Problems) _log.LogError("Rule skipped: {Problem}", problem.ToString());
    }

    DateTime Stamp() => File.Exists(_path) ? File.GetLastWriteTimeUtc(_path) : DateTime.MinValue;
}
