namespace BorderAlerts.Core.Rules.Matching;

public sealed partial class Automaton
{
    /// <summary>States with at least this many children get a complete row over all classes; the root always does.</summary>
    const int DenseChildren = 8;
    /// <summary>
    /// Entries (4 bytes each, 4 MB) for the complete rows of busy states other than the root. A watchlist brings thousands
    /// of characters (Hangul and Chinese names), so rows are wide; a quarter of this left the busiest CJK states walking
    /// child lists (docs/benchmarks.md "Watchlists: matching").
    /// </summary>
    const int DenseBudget = 1 << 20;
    /// <summary>
    /// Entries for the ASCII rows (1 MB): the shallowest ASCII states get one, deeper ones use the child lists. Scanning
    /// spends nearly all its time in the shallow states; more rows measured no faster and cost compile time and cache.
    /// </summary>
    const int AsciiBudget = 1 << 18;

    /// <summary>The non-root states with most children, as many as the row budget allows (a state with more children than a count can hold always).</summary>
    static IEnumerable<int> DenseStates(int[] counts, int classes, int budget)
    {
        var busy = new List<int>();
        for (int state = FirstState; state < counts.Length; state++)
            if (counts[state] >= DenseChildren) busy.Add(state);
        busy.Sort((a, b) => counts[b].CompareTo(counts[a]));
        int rows = budget / classes;
        return busy.Take(rows).Concat(busy.Skip(rows).Where(s => counts[s] >= Dense));
    }

    /// <summary>
    /// In state order (a state's parent and fail state come before it): fail links, report links, and the rows, each
    /// complete: a row copies the fail state's (or the nearest complete row on the fail chain) and overlays the state's
    /// own children.
    /// </summary>
    void BuildLinksAndRows(int states, int classes, int[] parent, char[] label, int asciiBudget)
    {
        _dictionary = new int[states];
        _report = new int[states];
        _asciiShift = System.Numerics.BitOperations.Log2(System.Numerics.BitOperations.RoundUpToPowerOf2((uint)_asciiWidth));
        _asciiRows = Math.Min(_asciiStates, asciiBudget >> _asciiShift);
        _ascii = new int[_asciiRows << _asciiShift];
        for (int state = 0; state < states; state++)
        {
            int fail = Root;
            if (state > Boundary)
            {
                // The root's children on characters other than letters and digits end with a boundary, as any state
                // after such a character does; their fail chains lead to the boundary state, not the root.
                int from = parent[state], cls = _class[label[state]];
                fail = from != Root ? Step(_states[from].Fail, cls) : _classIsWord[cls] ? Root : Boundary;
                _states[state].Fail = fail;
                _dictionary[state] = HasOutput(fail) ? fail : _dictionary[fail];
                _report[state] = HasOutput(state) ? state : _dictionary[state];
            }
            if (_states[state].Count == Dense) FillRow(state, classes);
            if (state < _asciiRows) FillAsciiRow(state, fail);
        }
        MarkReporting();
        FlattenReports(states);
        ShortcutCompleteFails();
    }

    /// <summary>A fail link to a state with a complete row becomes that row (complemented): a miss then reads the target straight from it.</summary>
    void ShortcutCompleteFails()
    {
        for (int state = 1; state < _states.Length; state++)
        {
            ref var s = ref _states[state];
            if (s.Count != Dense && _states[s.Fail].Count == Dense) s.Fail = ~_states[s.Fail].Next;
        }
    }

    /// <summary>
    /// Each state's outputs followed by those of its dictionary chain, in one list, so a hit reads one run of memory
    /// instead of hopping along the chain through three tables. The building tables are dropped afterwards.
    /// </summary>
    void FlattenReports(int states)
    {
        _reportStart = new int[states + 1];
        for (int state = 0; state < states; state++)
        {
            int count = 0;
            for (int found = _report[state]; found != 0; found = _dictionary[found]) count += _outputStart[found + 1] - _outputStart[found];
            _reportStart[state + 1] = _reportStart[state] + count;
        }
        _reported = new Output[_reportStart[states]];
        for (int state = 0, fill = 0; state < states; state++)
            for (int found = _report[state]; found != 0; found = _dictionary[found])
                for (int o = _outputStart[found]; o < _outputStart[found + 1]; o++) _reported[fill++] = _outputs[o];
        (_report, _dictionary, _outputStart, _outputs) = ([], [], [], []);
    }

    /// <summary>
    /// Sets the sign bit of every transition target that reports hits, so the scan learns it from the value it has
    /// just loaded instead of from a second table. Fail links stay plain.
    /// </summary>
    void MarkReporting()
    {
        foreach (var table in new[] { _ascii, _rows, _childTarget })
            for (int k = 0; k < table.Length; k++) table[k] = Flagged(table[k]);
        for (int state = 0; state < _states.Length; state++)
            if (_states[state].Count == 1) _states[state].Next = Flagged(_states[state].Next);
    }

    int Flagged(int state) => _report[state] == 0 ? state : state | Reports | (EndsAWord(state) ? Anywhere : 0);

    /// <summary>True if something <paramref name="state"/> reports must end a word.</summary>
    bool EndsAWord(int state)
    {
        for (int found = _report[state]; found != 0; found = _dictionary[found])
            for (int o = _outputStart[found]; o < _outputStart[found + 1]; o++)
                if (_outputs[o].EndBoundary) return true;
        return false;
    }

    bool HasOutput(int state) => _outputStart[state + 1] > _outputStart[state];

    /// <summary>A complete row: the nearest complete row on the fail chain, overlaid with the children of each state after it.</summary>
    void FillRow(int state, int classes)
    {
        var row = _rows.AsSpan(_states[state].Next, classes);
        if (state == Root)
        {
            Leave(row);
            for (int k = _childStart[Root]; k < _childStart[Root + 1]; k++) row[_childClass[k]] = _childTarget[k];
            return;
        }
        var chain = new Stack<int>();
        chain.Push(state);
        int dense = _states[state].Fail;
        while (_states[dense].Count != Dense) { chain.Push(dense); dense = _states[dense].Fail; }
        _rows.AsSpan(_states[dense].Next, classes).CopyTo(row);
        while (chain.Count > 0)
        {
            int on = chain.Pop();
            for (int k = _childStart[on]; k < _childStart[on + 1]; k++) row[_childClass[k]] = _childTarget[k];
        }
    }

    /// <summary>The fail state's ASCII row (it is shallower, so it has one) with this state's ASCII children over it.</summary>
    void FillAsciiRow(int state, int fail)
    {
        var row = _ascii.AsSpan(state << _asciiShift, _asciiWidth);
        if (state == Root) Leave(row);
        else _ascii.AsSpan(fail << _asciiShift, _asciiWidth).CopyTo(row);
        for (int k = _childStart[state]; k < _childStart[state + 1]; k++)
            if (_childClass[k] < _asciiWidth) row[_childClass[k]] = _childTarget[k];
    }

    /// <summary>Where the root goes on a character no pattern starts with: a letter or digit keeps it, anything else ends a word.</summary>
    void Leave(Span<int> row)
    {
        for (int cls = 0; cls < row.Length; cls++) row[cls] = _classIsWord[cls] ? Root : Boundary;
    }
}
