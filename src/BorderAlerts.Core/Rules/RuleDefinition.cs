namespace BorderAlerts.Core.Rules;

public enum Severity { Low, Normal, High, Critical }

/// <summary>A rule from rules.yaml: a saved query that alerts (docs/architecture.md §8).</summary>
public sealed record RuleDefinition(string Id, string Name, string Query, Severity Severity, IReadOnlyList<string> To, bool Enabled, int Line = 0);

/// <summary>A rule that could not be compiled; reported and skipped while the others keep working.</summary>
public sealed record RuleProblem(string File, int Line, int Column, string RuleId, string Problem)
{
    public override string ToString() => $"{File}:{Line}:{Column}: rules[{RuleId}].query: {Problem}";
}
