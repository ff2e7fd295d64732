namespace BorderAlerts.Core.Rules.Matching;

/// <summary>
/// What made the rules match one item, built the first time any of its matches' terms are read (in one pass for all
/// of them) from the item's hits, found again by a second scan: matching keeps no places, so an item whose
/// explanations nobody reads costs a few small objects rather than every hit, term and excerpt. Safe to read from any
/// thread: the matcher and texts never change, and two first reads may both build, one wins.
/// </summary>
internal sealed class ItemExplanation(RuleMatcher matcher, int[] rules, string title, string text)
{
    IReadOnlyList<MatchedTerm>[]? _terms;

    /// <summary>The terms behind the match of <c>rules[index]</c>.</summary>
    public IReadOnlyList<MatchedTerm> Terms(int index) => (Volatile.Read(ref _terms) ?? Build())[index];

    IReadOnlyList<MatchedTerm>[] Build()
    {
        var hits = matcher.HitsOf(title, text);
        var built = Array.ConvertAll(matcher.Explain(rules, hits, title, text), terms => (IReadOnlyList<MatchedTerm>)terms.AsReadOnly());
        return Interlocked.CompareExchange(ref _terms, built, null) ?? built;
    }
}
