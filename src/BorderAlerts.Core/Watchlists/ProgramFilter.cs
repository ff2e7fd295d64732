namespace BorderAlerts.Core.Watchlists;

/// <summary>
/// The <c>programs:</c> of a watchlist: which sanctions programs or regimes to keep. A pattern is a program name, or a
/// prefix ending in <c>*</c> (<c>DPRK*</c> keeps DPRK, DPRK2, DPRK3…); case does not matter. An entry is kept when one
/// of its programs matches one pattern; with no patterns every entry is kept.
/// </summary>
public sealed class ProgramFilter
{
    public static readonly ProgramFilter Everything = new([]);

    readonly string[] _patterns;

    ProgramFilter(string[] patterns) => _patterns = patterns;

    public IReadOnlyList<string> Patterns => _patterns;

    public bool KeepsEverything => _patterns.Length == 0;

    /// <summary>Why a pattern cannot be used, or null: it must be non-empty, with '*' only at its end.</summary>
    public static string? Problem(string pattern)
    {
        var star = pattern.IndexOf('*');
        if (pattern.Length == 0 || pattern == "*") return "needs a program name or prefix (example: DPRK*)";
        if (star >= 0 && star != pattern.Length - 1) return $"'{pattern}' may have '*' only at its end (example: DPRK*)";
        return null;
    }

    public static ProgramFilter Of(IEnumerable<string> patterns)
    {
        var list = patterns.Select(p => p.Trim()).ToArray();
        foreach (var p in list)
            if (Problem(p) is { } problem) throw new ArgumentException(problem, nameof(patterns));
        return list.Length == 0 ? Everything : new ProgramFilter(list);
    }

    public bool Keeps(IEnumerable<string> programs) => KeepsEverything || programs.Any(Matches);

    bool Matches(string program)
    {
        foreach (var p in _patterns)
        {
            var matches = p.EndsWith('*')
                ? program.StartsWith(p.AsSpan(0, p.Length - 1), StringComparison.OrdinalIgnoreCase)
                : string.Equals(program, p, StringComparison.OrdinalIgnoreCase);
            if (matches) return true;
        }
        return false;
    }

    public override string ToString() => KeepsEverything ? "all programs" : string.Join(", ", _patterns);
}
