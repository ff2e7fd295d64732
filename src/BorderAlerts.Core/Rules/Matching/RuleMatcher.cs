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
        Dictionary<int, List<MatchedTerm>>? matched = null;
        foreach (var index in state.Candidates)
            if (Rules[index].Condition.Eval(state, input)) (matched ??= [])[index] = [];
        if (matched is null) return None;
        Explain(matched, state, input);
        var matches = matched.Select(m => Rules[m.Key].Definition is var d ? new RuleMatch(d.Id, d.Name, d.Severity, d.To, m.Value) : null!).ToList();
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

    /// <summary>One pass over the hits: each goes to the matched rules whose positive terms it belongs to (leaves belong to one rule).</summary>
    void Explain(Dictionary<int, List<MatchedTerm>> matched, ScanState state, in MatchInput input)
    {
        foreach (var hit in state.Hits)
        {
            foreach (var leaf in LeavesOf(hit.Pattern))
            {
                if ((LeafFields[leaf] & hit.Field) == 0) continue;
                foreach (var rule in RulesOf(leaf))
                {
                    if (!matched.TryGetValue(rule, out var terms) || !Rules[rule].PositiveLeaves.Contains(leaf)) continue;
                    var text = hit.Field == Fields.Title ? input.Title : input.Text;
                    var end = Math.Min(hit.End, text.Length);
                    var start = Math.Min(hit.Start, end);
                    if (terms.Count > 0 && terms[^1] is var last && last.Start == start && last.Field == hit.Field && last.Length == end - start) continue;
                    terms.Add(new MatchedTerm(_automaton.Patterns[hit.Pattern].Text, hit.Field, start, end - start, text[start..end]));
                }
            }
        }
    }
}
