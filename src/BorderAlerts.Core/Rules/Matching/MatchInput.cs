using BorderAlerts.Core.Rules.Query;

namespace BorderAlerts.Core.Rules.Matching;

/// <summary>What a rule sees of an item.</summary>
public readonly record struct MatchInput(string Title, string Text, string? Language = null, string? Source = null);

/// <summary>One term occurrence that made a rule match: which term, where (field and original position), what text.</summary>
public sealed record MatchedTerm(string Term, Fields Field, int Start, int Length, string Excerpt)
{
    /// <summary>The concept whose alias this is (cards gloss it with the concept's label); null for a rule's literal term.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Concept { get; init; }
}

/// <summary>
/// A rule that matched an item, and why. One object per match: the terms are worked out from the item's hits when
/// first read (see <see cref="ItemExplanation"/>), so matching allocates little for the many items nobody reads.
/// </summary>
public sealed class RuleMatch
{
    readonly RuleDefinition _rule;
    readonly ItemExplanation _item;
    readonly int _index;

    internal RuleMatch(RuleDefinition rule, ItemExplanation item, int index) => (_rule, _item, _index) = (rule, item, index);

    public string RuleId => _rule.Id;
    public string RuleName => _rule.Name;
    public Severity Severity => _rule.Severity;
    public IReadOnlyList<string> To => _rule.To;
    public IReadOnlyList<MatchedTerm> Terms => _item.Terms(_index);

    public override string ToString() => $"{RuleId} ({Severity}): {string.Join(", ", Terms.Select(t => t.Excerpt))}";
}
