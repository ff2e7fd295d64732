using System.Collections;

namespace BorderAlerts.Core.Rules.Matching;

/// <summary>
/// What made the rules match one item, built from the item's hits the first time any of its matches' terms are read
/// (in one pass for all of them): matching only copies the hits, so an item whose explanations nobody reads costs a
/// few small objects rather than every term and excerpt. Safe to read from any thread: the hits and texts never
/// change, and two first reads may both build, one wins.
/// </summary>
internal sealed class ItemExplanation(RuleMatcher matcher, int[] rules, Hit[] hits, string title, string text)
{
    List<MatchedTerm>[]? _terms;

    /// <summary>The terms behind the match of <c>rules[index]</c>.</summary>
    public List<MatchedTerm> Terms(int index) => (Volatile.Read(ref _terms) ?? Build())[index];

    List<MatchedTerm>[] Build()
    {
        var built = matcher.Explain(rules, hits, title, text);
        return Interlocked.CompareExchange(ref _terms, built, null) ?? built;
    }
}

/// <summary>One match's terms, read from its item's explanation.</summary>
internal sealed class Explanation(ItemExplanation item, int index) : IReadOnlyList<MatchedTerm>
{
    public int Count => item.Terms(index).Count;

    public MatchedTerm this[int i] => item.Terms(index)[i];

    public IEnumerator<MatchedTerm> GetEnumerator() => item.Terms(index).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
