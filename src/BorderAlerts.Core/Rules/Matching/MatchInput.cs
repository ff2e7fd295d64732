using BorderAlerts.Core.Rules.Query;

namespace BorderAlerts.Core.Rules.Matching;

/// <summary>What a rule sees of an item.</summary>
public readonly record struct MatchInput(string Title, string Text, string? Language = null, string? Source = null);

/// <summary>One term occurrence that made a rule match: which term, where (field and original position), what text.</summary>
public sealed record MatchedTerm(string Term, Fields Field, int Start, int Length, string Excerpt);

/// <summary>A rule that matched an item, and why.</summary>
public sealed record RuleMatch(string RuleId, string RuleName, Severity Severity, IReadOnlyList<string> To, IReadOnlyList<MatchedTerm> Terms);
