using System.Text.RegularExpressions;
using BorderAlerts.Core.Rules.Query;

namespace BorderAlerts.Core.Rules.Matching;

/// <summary>A term found in a field (title or text), pattern and field in one int: 12 bytes, as each matching item keeps its hits.</summary>
internal readonly struct Hit(int pattern, Fields field, int start, int end)
{
    readonly int _patternAndField = pattern << 1 | (field == Fields.Text ? 1 : 0);

    public int Pattern => _patternAndField >>> 1;
    public Fields Field => (_patternAndField & 1) != 0 ? Fields.Text : Fields.Title;
    public int Start { get; } = start;
    public int End { get; } = end;
}

/// <summary>A leaf a pattern belongs to, with its rule and fields.</summary>
internal readonly record struct LeafRef(int Leaf, int Rule, Fields Fields);

/// <summary>
/// Per-thread scratch space for one matcher: generation stamps instead of cleared arrays, so matching an item
/// allocates nothing unless a rule matches. Only which leaves were hit is kept: where, an explanation finds again.
/// </summary>
internal sealed class ScanState
{
    [ThreadStatic] static ScanState? _cached;

    readonly RuleMatcher _owner;
    readonly int[] _patternLeafStart; // the owner's, held here to save a load per hit
    readonly LeafRef[] _patternLeafRefs, _onlyLeafRef;
    readonly int[] _leafStamp, _ruleStamp, _regexStamp;
    readonly bool[] _regexResult;
    int _generation;

    readonly int[] _candidates, _matched; // each rule at most once (stamped), so as long as the rules
    int _candidateCount, _matchedCount;
    /// <summary>Rules to evaluate: each with a hit on one of its leaves, and those that may match without one.</summary>
    public ReadOnlySpan<int> Candidates => _candidates.AsSpan(0, _candidateCount);
    /// <summary>Rules that matched, in the order they were added.</summary>
    public ReadOnlySpan<int> Matched => _matched.AsSpan(0, _matchedCount);
    public Text.NfkcMap Nfkc { get; } = new();
    /// <summary>The automaton's buffer of found states, here rather than in its own thread-static field: one lookup per item, not per field.</summary>
    public int[] Found { get; } = Automaton.NewFoundBuffer();
    /// <summary>
    /// The automaton states reported in each field scan (see <see cref="NextField"/>), per thread and shared by every
    /// matcher the thread uses: stamps count field scans on the thread, so one matcher's never pass for another's.
    /// </summary>
    [ThreadStatic] static int[]? _seen;
    [ThreadStatic] static int _fieldStamp;
    readonly int _stateCount;

    ScanState(RuleMatcher owner)
    {
        _owner = owner;
        (_patternLeafStart, _patternLeafRefs, _onlyLeafRef) = (owner.PatternLeafStart, owner.PatternLeafRefs, owner.OnlyLeafRef);
        _leafStamp = new int[owner.LeafCount];
        _ruleStamp = new int[owner.Rules.Length];
        _candidates = new int[owner.Rules.Length];
        _matched = new int[owner.Rules.Length];
        _regexStamp = new int[owner.RegexCount];
        _regexResult = new bool[owner.RegexCount];
        _stateCount = owner.StateCount;
    }

    /// <summary>A new stamp for the next field scan, which reports each state with hits once.</summary>
    public (int[] Seen, int Stamp) NextField()
    {
        var seen = _seen;
        if (seen is null || seen.Length < _stateCount) _seen = seen = new int[Math.Max(_stateCount, 2 * (seen?.Length ?? 0))];
        if (++_fieldStamp == int.MaxValue)
        {
            Array.Clear(seen);
            _fieldStamp = 1;
        }
        return (seen, _fieldStamp);
    }

    public static ScanState For(RuleMatcher owner)
    {
        var state = _cached;
        if (state is null || !ReferenceEquals(state._owner, owner)) _cached = state = new ScanState(owner);
        state.Begin();
        return state;
    }

    /// <summary>Forgets the hits and candidates so far, to scan the item again.</summary>
    public void Restart() => Begin();

    void Begin()
    {
        if (++_generation == int.MaxValue)
        {
            Array.Clear(_leafStamp); Array.Clear(_ruleStamp); Array.Clear(_regexStamp);
            _generation = 1;
        }
        _candidateCount = 0;
        _matchedCount = 0;
    }

    public bool LeafHit(int leaf) => _leafStamp[leaf] == _generation;

    public bool AnyLeafHit(int[] leaves)
    {
        foreach (var leaf in leaves) if (_leafStamp[leaf] == _generation) return true;
        return false;
    }

    public void OnHit(int pattern, Fields field)
    {
        var only = _onlyLeafRef[pattern];
        if (only.Leaf >= 0)
        {
            Stamp(only, field);
            return;
        }
        for (int k = _patternLeafStart[pattern]; k < _patternLeafStart[pattern + 1]; k++) Stamp(_patternLeafRefs[k], field);
    }

    void Stamp(in LeafRef leafRef, Fields field)
    {
        var (leaf, rule, fields) = leafRef;
        if ((fields & field) == 0 || _leafStamp[leaf] == _generation) return;
        _leafStamp[leaf] = _generation;
        Candidate(rule);
    }

    public void Match(int rule) => _matched[_matchedCount++] = rule;

    public void Candidate(int rule)
    {
        if (_ruleStamp[rule] == _generation) return;
        _ruleStamp[rule] = _generation;
        _candidates[_candidateCount++] = rule;
    }

    /// <summary>
    /// True if a hit of the subject leaf lies at most <paramref name="words"/> words from a word of the context leaf, in
    /// the same field. Only now, with the subject found, are the item's places and context words looked for.
    /// </summary>
    public bool Near(int subject, int context, int words, in MatchInput input)
    {
        if (_placesStamp != _generation)
            (_places, _contextPlaces, _placesStamp) = (_owner.HitsOf(input.Title, input.Text), _owner.ContextHitsOf(input.Title, input.Text), _generation);
        foreach (var a in _places)
        {
            if (!_owner.HitsLeaf(a, subject)) continue;
            var text = a.Field == Fields.Title ? input.Title : input.Text;
            foreach (var b in _contextPlaces)
                if (b.Field == a.Field && (b.End <= a.Start || a.End <= b.Start) && _owner.HitsContextLeaf(b, context)
                    && WordGap.Count(text, Math.Min(a.End, b.End), Math.Max(a.Start, b.Start)) <= words) return true;
        }
        return false;
    }

    Hit[] _places = [], _contextPlaces = [];
    int _placesStamp;

    public bool RegexHit(int slot, Regex regex, Fields fields, in MatchInput input)
    {
        if (_regexStamp[slot] == _generation) return _regexResult[slot];
        _regexStamp[slot] = _generation;
        return _regexResult[slot] = (fields.HasFlag(Fields.Title) && regex.IsMatch(input.Title))
            || (fields.HasFlag(Fields.Text) && regex.IsMatch(input.Text));
    }
}

/// <summary>Passes which patterns one field has to the scan state: matching needs no positions.</summary>
internal readonly struct FieldSink(ScanState state, Fields field) : Automaton.IHitSink
{
    public static bool NeedsStart => false;

    public void OnHit(int patternId, int start, int end) => state.OnHit(patternId, field);
}

/// <summary>Records one field's hits with their places in the original text, for an explanation; at most <see cref="Max"/> per item.</summary>
internal readonly struct HitRecorder(List<Hit> hits, Fields field, Text.NfkcMap? map) : Automaton.IHitSink
{
    public const int Max = 10_000;

    public void OnHit(int patternId, int start, int end)
    {
        if (hits.Count == Max) return;
        if (map is not null) (start, end) = map.Original(start, end);
        hits.Add(new Hit(patternId, field, start, end));
    }
}
