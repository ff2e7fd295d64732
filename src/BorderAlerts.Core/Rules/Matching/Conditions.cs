using BorderAlerts.Core.Rules.Query;

namespace BorderAlerts.Core.Rules.Matching;

/// <summary>A compiled query: evaluated on the hits of one scan, without allocating.</summary>
internal abstract class Condition
{
    public abstract bool Eval(ScanState state, in MatchInput input);
}

internal sealed class LeafCondition(int leaf) : Condition
{
    public int Leaf => leaf;

    public override bool Eval(ScanState state, in MatchInput input) => state.LeafHit(leaf);
}

/// <summary>An OR of terms only (most rules are, or hold one): a loop over leaf stamps instead of a call per term.</summary>
internal sealed class AnyLeafCondition(int[] leaves) : Condition
{
    public override bool Eval(ScanState state, in MatchInput input) => state.AnyLeafHit(leaves);
}

/// <summary>
/// The subject hit (cheap, checked first), then its places compared with the context's words: both found only for such
/// items, as matching keeps no places and does not scan for context words.
/// </summary>
internal sealed class NearCondition(int subject, int context, int words) : Condition
{
    public override bool Eval(ScanState state, in MatchInput input) =>
        state.LeafHit(subject) && state.Near(subject, context, words, input);
}

internal sealed class RegexCondition(int slot, System.Text.RegularExpressions.Regex regex, Fields fields) : Condition
{
    public override bool Eval(ScanState state, in MatchInput input) => state.RegexHit(slot, regex, fields, input);
}

internal sealed class FilterCondition(FilterNode filter) : Condition
{
    public override bool Eval(ScanState state, in MatchInput input) => filter.Kind switch
    {
        FilterKind.Source => input.Source is { } s && (filter.Prefix
            ? s.StartsWith(filter.Value, StringComparison.OrdinalIgnoreCase)
            : s.Equals(filter.Value, StringComparison.OrdinalIgnoreCase)),
        FilterKind.Lang => input.Language is { } l && l.StartsWith(filter.Value, StringComparison.OrdinalIgnoreCase),
        _ => true, // since: is a search filter; a rule always looks at new items
    };
}

internal sealed class AndCondition(Condition[] children) : Condition
{
    public override bool Eval(ScanState state, in MatchInput input)
    {
        foreach (var child in children) if (!child.Eval(state, input)) return false;
        return true;
    }
}

internal sealed class OrCondition(Condition[] children) : Condition
{
    public override bool Eval(ScanState state, in MatchInput input)
    {
        foreach (var child in children) if (child.Eval(state, input)) return true;
        return false;
    }
}

internal sealed class NotCondition(Condition child) : Condition
{
    public override bool Eval(ScanState state, in MatchInput input) => !child.Eval(state, input);
}
