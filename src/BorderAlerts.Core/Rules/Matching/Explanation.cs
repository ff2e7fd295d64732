using System.Collections;

namespace BorderAlerts.Core.Rules.Matching;

/// <summary>
/// The terms that made one rule match an item, built from the item's hits the first time they are read: matching
/// only copies the hits, so an item that matches costs a few small objects rather than every term and excerpt.
/// Safe to read from any thread (the hits and the texts never change; two first reads may both build, one wins).
/// </summary>
internal sealed class Explanation(RuleMatcher matcher, int rule, Hit[] hits, string title, string text) : IReadOnlyList<MatchedTerm>
{
    MatchedTerm[]? _terms;

    MatchedTerm[] Terms => Volatile.Read(ref _terms) ?? Build();

    public int Count => Terms.Length;

    public MatchedTerm this[int index] => Terms[index];

    public IEnumerator<MatchedTerm> GetEnumerator() => ((IEnumerable<MatchedTerm>)Terms).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    MatchedTerm[] Build()
    {
        var built = matcher.Explain(rule, hits, title, text);
        return Interlocked.CompareExchange(ref _terms, built, null) ?? built;
    }
}
