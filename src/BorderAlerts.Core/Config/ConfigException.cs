namespace BorderAlerts.Core.Config;

/// <summary>Bad configuration: names the file, line and field so the admin can fix it without guessing.</summary>
public sealed class ConfigException(string file, int line, string field, string problem)
    : Exception($"{file}:{line}: {field}: {problem}")
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public string Field { get; } = field;
    public string Problem { get; } = problem;
}
