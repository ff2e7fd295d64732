namespace BorderAlerts.Core.Rules.Matching;

public sealed partial class Automaton
{
    const int MaxStates = (1 << 24) - 1;

    /// <summary>
    /// Builds the trie from the patterns in ordinal order, so each pattern shares its prefix with the one before and
    /// needs no lookups; then the hash of edges, then fail links breadth-first.
    /// </summary>
    public Automaton(IReadOnlyList<Pattern> patterns)
    {
        Patterns = patterns;
        var order = Enumerable.Range(0, patterns.Count).ToArray();
        Array.Sort(order, (a, b) => string.CompareOrdinal(patterns[a].Text, patterns[b].Text));
        int capacity = patterns.Sum(p => p.Text.Length) + 1;
        var parent = new int[capacity];
        var label = new char[capacity];
        var firstChild = new int[capacity];
        var nextSibling = new int[capacity];
        Array.Fill(firstChild, -1);
        var path = new int[MaxPatternLength + 1];
        var outputs = new List<(int State, int Pattern)>(patterns.Count);
        int states = 1;
        string previous = "";
        foreach (var index in order)
        {
            var text = patterns[index].Text;
            int shared = 0;
            while (shared < text.Length && shared < previous.Length && text[shared] == previous[shared]) shared++;
            for (int depth = shared; depth < text.Length; depth++)
            {
                int state = states++;
                if (state > MaxStates) throw new InvalidOperationException("too many terms: the automaton is limited to 16 million states");
                int from = path[depth];
                parent[state] = from;
                label[state] = text[depth];
                nextSibling[state] = firstChild[from];
                firstChild[from] = state;
                path[depth + 1] = state;
                _alphabet[text[depth]] = true;
            }
            outputs.Add((path[text.Length], index));
            previous = text;
        }
        BuildOutputs(states, outputs);
        BuildEdges(states, parent, label);
        BuildFailLinks(states, firstChild, nextSibling, label);
    }

    void BuildOutputs(int states, List<(int State, int Pattern)> outputs)
    {
        _outputHead = new int[states];
        Array.Fill(_outputHead, -1);
        _outputPattern = new int[outputs.Count];
        _outputNext = new int[outputs.Count];
        for (int i = 0; i < outputs.Count; i++)
        {
            var (state, pattern) = outputs[i];
            _outputPattern[i] = pattern;
            _outputNext[i] = _outputHead[state];
            _outputHead[state] = i;
        }
    }

    /// <summary>
    /// Root edges go to the dense table; children of states with many of them into one open-addressing table at most
    /// half full. Everything else is found in the per-state child lists.
    /// </summary>
    void BuildEdges(int states, int[] parent, char[] label)
    {
        BuildChildLists(states, parent, label);
        int hashed = 0;
        for (int state = 1; state < states; state++) if (parent[state] != 0 && _childCount[parent[state]] == Many) hashed++;
        int size = 16;
        while (size < hashed * 2) size <<= 1;
        _shift = 64 - System.Numerics.BitOperations.Log2((uint)size);
        _table = new ulong[size];
        for (int state = 1; state < states; state++)
        {
            if (parent[state] == 0) { _rootNext[label[state]] = state; continue; }
            if (_childCount[parent[state]] != Many) continue;
            ulong key = ((ulong)parent[state] << 16) | label[state];
            int slot = Slot(key);
            while (_table[slot] != 0) slot = (slot + 1) & (size - 1);
            _table[slot] = (key << 24) | (uint)state;
        }
    }

    /// <summary>Children laid out per parent (CSR); a state with more than a few children is marked to use the hash table.</summary>
    void BuildChildLists(int states, int[] parent, char[] label)
    {
        var counts = new int[states];
        for (int state = 1; state < states; state++) counts[parent[state]]++;
        _childStart = new int[states + 1];
        for (int state = 0; state < states; state++) _childStart[state + 1] = _childStart[state] + counts[state];
        _childLabel = new char[_childStart[states]];
        _childTarget = new int[_childStart[states]];
        var fill = (int[])_childStart.Clone();
        for (int state = 1; state < states; state++)
        {
            int slot = fill[parent[state]]++;
            _childLabel[slot] = label[state];
            _childTarget[slot] = state;
        }
        _childCount = new byte[states];
        for (int state = 0; state < states; state++) _childCount[state] = counts[state] > FewChildren ? (byte)Many : (byte)counts[state];
    }

    void BuildFailLinks(int states, int[] firstChild, int[] nextSibling, char[] label)
    {
        _fail = new int[states];
        _dictionary = new int[states];
        var queue = new Queue<int>();
        for (int child = firstChild[0]; child >= 0; child = nextSibling[child]) queue.Enqueue(child);
        while (queue.Count > 0)
        {
            int state = queue.Dequeue();
            for (int child = firstChild[state]; child >= 0; child = nextSibling[child])
            {
                // Breadth-first order: every state on the fail chain is already linked, so Step follows it correctly.
                int target = Step(_fail[state], label[child]);
                _fail[child] = target;
                _dictionary[child] = _outputHead[target] >= 0 ? target : _dictionary[target];
                queue.Enqueue(child);
            }
        }
        _report = new int[states];
        for (int state = 1; state < states; state++) _report[state] = _outputHead[state] >= 0 ? state : _dictionary[state];
    }
}
