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
    /// <summary>NEAR context words (see Builder.ContextLeaf), scanned for only in items where a NEAR's subject was found.</summary>
    readonly Automaton _contextAutomaton;
    readonly int[] _contextPatternLeafStart, _contextPatternLeaves;
    readonly int[] _patternLeafStart, _patternLeaves, _leafRule, _alwaysEvaluate; // each leaf belongs to one rule
    readonly int[] _rank; // each rule's place in the order matches are reported in
    readonly string?[] _leafConcept; // the concept a leaf stands for: explanations name it, matching never reads it
    readonly bool[] _positiveLeaf; // not under a NOT: such a leaf's hits explain its rule's match
    /// <summary>Rules that are a term or an OR of terms: a hit on any of their leaves (they become candidates only so) is a match.</summary>
    readonly bool[] _matchedByAnyHit;

    internal CompiledRule[] Rules { get; }
    internal Fields[] LeafFields { get; }
    internal int LeafCount => LeafFields.Length;
    internal int RegexCount { get; }

    public int RuleCount => Rules.Length;
    public int PatternCount => _automaton.Patterns.Count;
    public IEnumerable<RuleDefinition> Definitions => Rules.Select(r => r.Definition);

    internal int[] PatternLeafStart => _patternLeafStart;
    internal int StateCount => _automaton.StateCount;
    /// <summary>Parallel to the pattern leaves: what a hit needs of each leaf, side by side, so it costs one cache line rather than three.</summary>
    internal LeafRef[] PatternLeafRefs { get; }
    /// <summary>By pattern: its leaf, when it has only one (most terms belong to one rule), else Leaf −1; saves a lookup per hit.</summary>
    internal LeafRef[] OnlyLeafRef { get; }

    /// <summary>True if the hit's pattern belongs to the leaf, in a field the leaf looks at.</summary>
    internal bool HitsLeaf(Hit hit, int leaf) => (LeafFields[leaf] & hit.Field) != 0 && LeavesOf(hit.Pattern).Contains(leaf);

    /// <summary>True if the hit, from <see cref="ContextHitsOf"/>, is a word of this NEAR context leaf, in a field the leaf looks at.</summary>
    internal bool HitsContextLeaf(Hit hit, int leaf) =>
        (LeafFields[leaf] & hit.Field) != 0
        && _contextPatternLeaves.AsSpan(_contextPatternLeafStart[hit.Pattern], _contextPatternLeafStart[hit.Pattern + 1] - _contextPatternLeafStart[hit.Pattern]).Contains(leaf);

    internal ReadOnlySpan<int> LeavesOf(int pattern) => _patternLeaves.AsSpan(_patternLeafStart[pattern], _patternLeafStart[pattern + 1] - _patternLeafStart[pattern]);

    public IReadOnlyList<RuleMatch> Match(in MatchInput input)
    {
        if (Rules.Length == 0) return None;
        var state = ScanState.For(this);
        // A field with a character that NFKC expands other than into plain characters (rare) stops the scan: the item is
        // then scanned again from a clean state with that field normalised in full, so no separate pass looks for them.
        bool titleInFull = false, textInFull = false;
        while (!Scan(input.Title, Fields.Title, state, ref titleInFull) || !Scan(input.Text, Fields.Text, state, ref textInFull))
            state.Restart();
        foreach (var rule in _alwaysEvaluate) state.Candidate(rule);
        foreach (var index in state.Candidates)
            if (_matchedByAnyHit[index] || Rules[index].Condition.Eval(state, input)) state.Match(index);
        return state.Matched.IsEmpty ? None : Results(state.Matched, input);
    }

    /// <summary>Highest severity first, then by rule id; each match explains itself when asked.</summary>
    RuleMatch[] Results(ReadOnlySpan<int> matched, in MatchInput input)
    {
        var rules = matched.ToArray();
        SortByRank(rules);
        var explanation = new ItemExplanation(this, rules, input.Title, input.Text);
        var results = new RuleMatch[rules.Length];
        for (int k = 0; k < results.Length; k++) results[k] = new RuleMatch(Rules[rules[k]].Definition, explanation, k);
        return results;
    }

    /// <summary>An insertion sort (an item matches a handful of rules): no comparer calls; a sort of keys past a few dozen.</summary>
    void SortByRank(int[] rules)
    {
        if (rules.Length > 32)
        {
            Array.Sort(rules.Select(rule => _rank[rule]).ToArray(), rules);
            return;
        }
        for (int k = 1; k < rules.Length; k++)
        {
            int rule = rules[k], rank = _rank[rule], j = k - 1;
            for (; j >= 0 && _rank[rules[j]] > rank; j--) rules[j + 1] = rules[j];
            rules[j + 1] = rule;
        }
    }

    /// <summary>Scans one field as it is, or normalised in full; false if it must be the latter.</summary>
    bool Scan(string text, Fields field, ScanState state, ref bool inFull)
    {
        if (string.IsNullOrEmpty(text)) return true;
        var sink = new FieldSink(state, field);
        var (seen, stamp) = state.NextField();
        if (!inFull)
        {
            if (_automaton.Scan(text, ref sink, stopAtExpanding: true, state.Found, seen, stamp)) return true;
            inFull = true;
            return false;
        }
        var map = state.Nfkc;
        map.Fill(text);
        return _automaton.Scan(map.Text, ref sink, stopAtExpanding: false, state.Found, seen, stamp);
    }

    /// <summary>
    /// An item's hits in scan order, with places, found again for its explanation: matching keeps only which terms it
    /// saw, as most matches are never explained. Each field is scanned as <see cref="Scan"/> does, as it is or, if it
    /// must be, normalised in full, so the hits are those matching saw.
    /// </summary>
    internal Hit[] HitsOf(string title, string text) => HitsOf(_automaton, title, text);

    /// <summary>The NEAR context words' hits in an item, with places, the same way.</summary>
    internal Hit[] ContextHitsOf(string title, string text) => HitsOf(_contextAutomaton, title, text);

    static Hit[] HitsOf(Automaton automaton, string title, string text)
    {
        var hits = new List<Hit>();
        Record(automaton, title, Fields.Title, hits);
        Record(automaton, text, Fields.Text, hits);
        return [.. hits];
    }

    static void Record(Automaton automaton, string text, Fields field, List<Hit> hits)
    {
        if (string.IsNullOrEmpty(text)) return;
        int before = hits.Count;
        var sink = new HitRecorder(hits, field, null);
        if (automaton.Scan(text, ref sink, stopAtExpanding: true)) return;
        hits.RemoveRange(before, hits.Count - before);
        var map = Text.NfkcMap.Normalize(text);
        var mapped = new HitRecorder(hits, field, map);
        automaton.Scan(map.Text, ref mapped);
    }

    /// <summary>
    /// The terms behind each matched rule, in one pass over the hits: each hit goes to the matched rules whose
    /// positive terms it belongs to, in scan order, each place once.
    /// </summary>
    internal List<MatchedTerm>[] Explain(int[] rules, Hit[] hits, string title, string text)
    {
        var index = new Dictionary<int, int>(rules.Length);
        var terms = new List<MatchedTerm>[rules.Length];
        for (int k = 0; k < rules.Length; k++) (index[rules[k]], terms[k]) = (k, []);
        foreach (var hit in hits)
        {
            foreach (var leaf in LeavesOf(hit.Pattern))
            {
                if ((LeafFields[leaf] & hit.Field) == 0 || !_positiveLeaf[leaf] || !index.TryGetValue(_leafRule[leaf], out var k)) continue;
                var field = hit.Field == Fields.Title ? title : text;
                var end = Math.Min(hit.End, field.Length);
                var start = Math.Min(hit.Start, end);
                var list = terms[k];
                if (list.Count > 0 && list[^1] is var last && last.Start == start && last.Field == hit.Field && last.Length == end - start) continue;
                list.Add(new MatchedTerm(_automaton.Patterns[hit.Pattern].Term, hit.Field, start, end - start, field[start..end]) { Concept = _leafConcept[leaf] });
            }
        }
        return terms;
    }
}
