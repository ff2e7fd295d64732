namespace BorderAlerts.Core.Config;

/// <summary>
/// Bad configuration: names the file, line and field so the admin can fix it without guessing. A reader that reports
/// every problem of a file at once throws one <see cref="ConfigException"/> holding them all (<see cref="All"/>); its
/// file, line and field are the first problem's, and its message lists each on a line of its own.
/// </summary>
public sealed class ConfigException : Exception
{
    public ConfigException(string file, int line, string field, string problem) : base($"{file}:{line}: {field}: {problem}")
    {
        File = file;
        Line = line;
        Field = field;
        Problem = problem;
        All = [this];
    }

    ConfigException(IReadOnlyList<ConfigException> all) : base(string.Join('\n', all.Select(e => e.Message)))
    {
        (File, Line, Field, Problem, All) = (all[0].File, all[0].Line, all[0].Field, all[0].Problem, all);
    }

    /// <summary>One exception for every problem found, in file order; one problem is returned as it is.</summary>
    public static ConfigException Of(IReadOnlyList<ConfigException> problems) => problems.Count switch
    {
        0 => throw new ArgumentException("no problems to report", nameof(problems)),
        1 => problems[0],
        _ => new ConfigException(problems),
    };

    public string File { get; }
    public int Line { get; }
    public string Field { get; }
    public string Problem { get; }
    public IReadOnlyList<ConfigException> All { get; }
}
