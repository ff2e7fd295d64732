using BorderAlerts.Core.Text;

namespace BorderAlerts.Core.Rules.Matching;

public sealed partial class Automaton
{
    const int MaxStates = StateMask;

    /// <summary>
    /// Builds the trie from the patterns in ordinal order, so each pattern shares its prefix with the one before and
    /// needs no lookups; renumbers the states (ASCII-only prefixes first, each group by depth); then classes, child
    /// lists, outputs, and finally fail links and rows.
    /// </summary>
    public Automaton(IReadOnlyList<Pattern> patterns) : this(patterns, DenseBudget, AsciiBudget) { }

    /// <summary>With other row budgets (entries): rows make scanning faster, never change what it finds.</summary>
    internal Automaton(IReadOnlyList<Pattern> patterns, int denseBudget, int asciiBudget)
    {
        Patterns = patterns;
        // Patterns that hang off the root first, then those that hang off the boundary state, each group in text order.
        var order = new int[patterns.Count];
        var texts = new string[patterns.Count];
        int capacity = FirstState, fromRoot = patterns.Count(p => !p.StartBoundary), roots = 0, boundaries = fromRoot;
        for (int i = 0; i < texts.Length; i++)
        {
            int slot = patterns[i].StartBoundary ? boundaries++ : roots++;
            (order[slot], texts[slot]) = (i, patterns[i].Text);
            capacity += texts[slot].Length;
        }
        Array.Sort(texts, order, 0, fromRoot, StringComparer.Ordinal); // sorting the texts themselves saves two lookups per comparison
        Array.Sort(texts, order, fromRoot, texts.Length - fromRoot, StringComparer.Ordinal);
        var parent = new int[capacity];
        var label = new char[capacity];
        var path = new int[MaxPatternLength + 1];
        var outputs = new List<(int State, int Pattern)>(patterns.Count);
        int states = FirstState; // the root and the boundary state (a child of the root on no character)
        string previous = "";
        for (int k = 0; k < order.Length; k++)
        {
            var (text, index) = (texts[k], order[k]);
            if (k == fromRoot) (previous, path[0]) = ("", Boundary);
            if (text.Length == 0) continue; // found nowhere
            int shared = 0;
            while (shared < text.Length && shared < previous.Length && text[shared] == previous[shared]) shared++;
            for (int depth = shared; depth < text.Length; depth++)
            {
                int state = states++;
                if (state > MaxStates) throw new InvalidOperationException("too many terms for one automaton");
                parent[state] = path[depth];
                label[state] = text[depth];
                path[depth + 1] = state;
            }
            outputs.Add((path[text.Length], index));
            previous = text;
        }
        var renumbered = Renumber(states, parent, label);
        for (int i = 0; i < outputs.Count; i++) outputs[i] = (renumbered[outputs[i].State], outputs[i].Pattern);
        int classes = BuildClasses(states, label);
        BuildEntries();
        _spaceClass = _class[FoldTable.Space];
        BuildChildLists(states, parent, label, classes, denseBudget);
        BuildOutputs(states, outputs);
        BuildLinksAndRows(states, classes, parent, label, asciiBudget);
        (_childStart, _classIsWord) = ([], []); // scanning reads the child lists through the states
    }

    /// <summary>
    /// New state numbers: the root and the boundary state keep theirs, then states whose prefix is all ASCII (so ASCII
    /// rows are indexed by state number), each group by depth, so a state's parent and fail state always come before
    /// it. Depth counts a boundary twice (the boundary state's children, characters other than letters and digits),
    /// as a state's fail state is then always shallower. Rewrites parent and label in place.
    /// </summary>
    int[] Renumber(int states, int[] parent, char[] label)
    {
        const int MaxDepth = 2 * MaxPatternLength + 1;
        var depth = new int[states];
        var ascii = new bool[states];
        ascii[Root] = ascii[Boundary] = true;
        depth[Boundary] = 1;
        for (int state = FirstState; state < states; state++)
        {
            depth[state] = depth[parent[state]] + (MatchText.IsWordChar(label[state]) ? 1 : 2);
            ascii[state] = ascii[parent[state]] && label[state] < 0x80;
        }
        int Key(int state) => state == Boundary ? 0 : (ascii[state] ? 0 : MaxDepth + 1) + depth[state];
        var start = new int[2 * MaxDepth + 3];
        for (int state = 0; state < states; state++) start[Key(state) + 1]++;
        for (int k = 1; k < start.Length; k++) start[k] += start[k - 1];
        var renumbered = new int[states];
        for (int state = 0; state < states; state++) renumbered[state] = start[Key(state)]++;
        _asciiStates = start[MaxDepth];
        var oldParent = parent[..states];
        var oldLabel = label[..states];
        for (int state = 1; state < states; state++)
        {
            parent[renumbered[state]] = renumbered[oldParent[state]];
            label[renumbered[state]] = oldLabel[state];
        }
        return renumbered;
    }

    /// <summary>
    /// Numbers the folded characters that occur in patterns: ASCII first (2, 3, …), so ASCII rows stay narrow. The
    /// others get <see cref="Root"/> if they are letters or digits (inside a word, where bounded terms cannot start),
    /// else <see cref="Boundary"/>: the class is the state they lead to.
    /// </summary>
    int BuildClasses(int states, char[] label)
    {
        var used = new bool[65536];
        _asciiWidth = FirstClass;
        for (int state = FirstState; state < states; state++) used[label[state]] = true;
        int next = FirstClass;
        var isWord = new List<bool> { true, false };
        for (int c = 0; c < 65536; c++)
        {
            if (!used[c])
            {
                _class[c] = (ushort)(MatchText.IsWordChar((char)c) ? Root : Boundary);
                continue;
            }
            if (next == Special) throw new InvalidOperationException("too many distinct characters for one automaton");
            _class[c] = (ushort)next++;
            isWord.Add(MatchText.IsWordChar((char)c));
            if (c < 0x80) _asciiWidth = next;
        }
        _classIsWord = [.. isWord];
        return next;
    }

    /// <summary>What the scan reads for each text character: its class, or which special path folds it (see Scan).</summary>
    void BuildEntries()
    {
        for (int k = 0; k < _wordInitialClass.Length; k++)
            _wordInitialClass[k] = _class[HangulInitials.FoldWordInitial((char)(HangulInitials.SyllableBase + k))];
        for (int c = 0; c < 65536; c++)
        {
            var ch = (char)c;
            char folded = FoldTable.Entry(ch);
            _entry[c] = (ushort)(FoldTable.Expands(ch) ? (FoldTable.InlineForm(ch) is null ? ExpandEntry : InlineEntry)
                : !FoldTable.IsSingleClusterChar(ch) ? ClusterEntry
                : folded == FoldTable.Space ? SpaceEntry
                : folded == ch && HangulInitials.FoldWordInitial(ch) != ch ? HangulEntry
                : folded is FoldTable.Drop or FoldTable.Marked || HangulInitials.FoldWordInitial(folded) != folded ? LookBackEntry
                : _class[folded]);
        }
    }

    /// <summary>Children laid out per parent (CSR); a state with one child keeps it inline.</summary>
    void BuildChildLists(int states, int[] parent, char[] label, int classes, int denseBudget)
    {
        var counts = new int[states];
        for (int state = FirstState; state < states; state++) counts[parent[state]]++; // the boundary state is no one's child
        var start = new int[states + 1];
        for (int state = 0; state < states; state++) start[state + 1] = start[state] + counts[state];
        _childClass = new ushort[start[states]];
        _childTarget = new int[start[states]];
        var fill = (int[])start.Clone();
        for (int state = FirstState; state < states; state++)
        {
            int slot = fill[parent[state]]++;
            _childClass[slot] = _class[label[state]];
            _childTarget[slot] = state;
        }
        _states = new State[states];
        _childStart = start;
        int rows = 2; // the root's and the boundary state's come first
        foreach (var state in DenseStates(counts, classes, denseBudget))
        {
            _states[state].Count = Dense;
            _states[state].Next = rows++ * classes;
        }
        _states[Root].Count = _states[Boundary].Count = Dense; // the root's row is the first, the boundary state's the second
        _states[Boundary].Next = classes;
        _rows = new int[rows * classes];
        for (int state = 0; state < states; state++)
        {
            ref var s = ref _states[state];
            if (s.Count == Dense) continue;
            s.Count = (ushort)counts[state];
            s.Next = counts[state] == 1 ? _childTarget[start[state]] : start[state];
            if (counts[state] == 1) s.Only = _childClass[start[state]];
        }
    }

    /// <summary>Outputs grouped by state; a state's outputs in reverse order of adding, as hits have always been reported.</summary>
    void BuildOutputs(int states, List<(int State, int Pattern)> outputs)
    {
        _outputStart = new int[states + 1];
        foreach (var (state, _) in outputs) _outputStart[state + 1]++;
        for (int state = 0; state < states; state++) _outputStart[state + 1] += _outputStart[state];
        _outputs = new Output[outputs.Count];
        var fill = (int[])_outputStart.Clone();
        for (int i = outputs.Count - 1; i >= 0; i--)
        {
            var (state, index) = outputs[i];
            var pattern = Patterns[index];
            _outputs[fill[state]++] = new Output(index, pattern.Text.Length, pattern.EndBoundary);
        }
    }
}
