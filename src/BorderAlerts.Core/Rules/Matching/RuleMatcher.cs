using BorderAlerts.Core.Rules.Query;
using BorderAlerts.Core.Text;

namespace BorderAlerts.Core.Rules.Matching;

/// <summary>
/// Every enabled rule compiled into one automaton. An item is scanned once per field; only rules with a hit (and
/// the few that can match without one, such as <c>NOT x</c> or <c>source:y</c>) are evaluated. A match explains itself.
/// Immutable: a reload builds a new matcher and swaps the reference, so matching never pauses.
/// </summary>
public sealed partial class RuleMatcher
{
    internal sealed record CompiledRule(RuleDefinition Definition, Condition Condition, HashSet<int> PositiveLeaves);

    static readonly IReadOnlyList<RuleMatch> None = [];
    readonly Automaton _automaton;
    readonly int[] _patternLeafStart, _patternLeaves, _leafRuleStart, _leafRules, _alwaysEvaluate;

    internal CompiledRule[] Rules { get; }
    internal Fields[] LeafFields { get; }
    internal int LeafCount => LeafFields.Length;
    internal int RegexCount { get; }

    public int RuleCount => Rules.Length;
    public int PatternCount => _automaton.Patterns.Count;
    public IEnumerable<RuleDefinition> Definitions => Rules.Select(r => r.Definition);

    internal ReadOnlySpan<int> LeavesOf(int pattern) => _patternLeaves.AsSpan(_patternLeafStart[pattern], _patternLeafStart[pattern + 1] - _patternLeafStart[pattern]);
    internal ReadOnlySpan<int> RulesOf(int leaf) => _leafRules.AsSpan(_leafRuleStart[leaf], _leafRuleStart[leaf + 1] - _leafRuleStart[leaf]);

    public IReadOnlyList<RuleMatch> Match(in MatchInput input)
    {
        if (Rules.Length == 0) return None;
        var state = ScanState.For(this);
        Scan(input.Title, Fields.Title, state);
        Scan(input.Text, Fields.Text, state);
        foreach (var rule in _alwaysEvaluate) state.Candidate(rule);
        List<RuleMatch>? matches = null;
        foreach (var index in state.Candidates)
        {
            var rule = Rules[index];
            if (rule.Condition.Eval(state, input)) (matches ??= []).Add(Explain(rule, state, input));
        }
        if (matches is null) return None;
        matches.Sort((a, b) => b.Severity != a.Severity ? b.Severity.CompareTo(a.Severity) : string.CompareOrdinal(a.RuleId, b.RuleId));
        return matches;
    }

    void Scan(string text, Fields field, ScanState state)
    {
        if (string.IsNullOrEmpty(text)) return;
        // Rare text with characters that NFKC expands or composes is normalised in full, keeping a map back to the original.
        var map = MatchText.NeedsFullNfkc(text) ? NfkcMap.Normalize(text) : null;
        var sink = new FieldSink(state, field, map);
        _automaton.Scan(map?.Text ?? text, ref sink);
    }

    RuleMatch Explain(CompiledRule rule, ScanState state, in MatchInput input)
    {
        var terms = new List<MatchedTerm>();
        var seen = new HashSet<(int, Fields, int)>();
        foreach (var hit in state.Hits)
        {
            bool belongs = false;
            foreach (var leaf in LeavesOf(hit.Pattern))
                if (rule.PositiveLeaves.Contains(leaf) && (LeafFields[leaf] & hit.Field) != 0) { belongs = true; break; }
            if (!belongs || !seen.Add((hit.Pattern, hit.Field, hit.Start))) continue;
            var text = hit.Field == Fields.Title ? input.Title : input.Text;
            var end = Math.Min(hit.End, text.Length);
            var start = Math.Min(hit.Start, end);
            terms.Add(new MatchedTerm(_automaton.Patterns[hit.Pattern].Text, hit.Field, start, end - start, text[start..end]));
        }
        var d = rule.Definition;
        return new RuleMatch(d.Id, d.Name, d.Severity, d.To, terms);
    }
}
