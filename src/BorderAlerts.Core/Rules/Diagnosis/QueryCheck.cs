namespace BorderAlerts.Core.Rules.Diagnosis;

/// <summary>
/// One part of a rule's query checked against one item: the part as written, whether it held, the text that a term or
/// concept found there, and its parts. The tree says which part of a rule failed and which terms did match.
/// </summary>
public sealed record QueryCheck(string Part, bool Held, IReadOnlyList<string> Found, IReadOnlyList<QueryCheck> Parts)
{
    /// <summary>
    /// The parts that kept the rule from matching: under a failed AND the failed parts, each followed down; a failed
    /// OR, a NOT whose part was found, a term or concept not found are themselves the reason.
    /// </summary>
    public IEnumerable<QueryCheck> Failures()
    {
        if (Held) yield break;
        if (IsAnd)
        {
            foreach (var part in Parts.Where(p => !p.Held))
                foreach (var failure in part.Failures()) yield return failure;
            yield break;
        }
        yield return this;
    }

    internal bool IsAnd { get; init; }
}

/// <summary>A concept of the rules file whose aliases occur in the item, with the text they found.</summary>
public sealed record ConceptFound(string Concept, IReadOnlyList<string> Found);

/// <summary>Why a rule did or did not match an item: the checked query and every concept the item mentions.</summary>
public sealed record RuleDiagnosis(string RuleId, bool Matched, QueryCheck Check, IReadOnlyList<ConceptFound> Concepts)
{
    public IReadOnlyList<QueryCheck> Failures => Check.Failures().ToList();
}
