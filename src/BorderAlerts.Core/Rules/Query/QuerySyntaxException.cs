namespace BorderAlerts.Core.Rules.Query;

/// <summary>A query that cannot be parsed: the column and what was expected, for the admin to fix.</summary>
public sealed class QuerySyntaxException(int column, string problem) : Exception($"column {column}: {problem}")
{
    public int Column { get; } = column;
    public string Problem { get; } = problem;
}
