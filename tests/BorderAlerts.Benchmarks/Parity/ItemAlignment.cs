using BorderAlerts.Core.Parsing;

namespace BorderAlerts.Benchmarks.Parity;

/// <summary>
/// Pairs our items with feedparser's. BorderAlerts skips items with nothing readable (no title and no text), so
/// when our count matches feedparser's readable items, ours are paired with those; otherwise by position.
/// </summary>
public static class ItemAlignment
{
    public static IReadOnlyList<(ParsedItem Ours, ReferenceItem Theirs)> Pair(IReadOnlyList<ParsedItem> ours, IReadOnlyList<ReferenceItem> theirs)
    {
        var readable = theirs.Where(t => t.Readable).ToList();
        var candidates = ours.Count != theirs.Count && ours.Count == readable.Count ? readable : theirs.ToList();
        return ours.Zip(candidates, (o, t) => (o, t)).ToList();
    }
}
