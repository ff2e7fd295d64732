namespace BorderAlerts.Core.Rules.Matching;

public sealed partial class Automaton
{
    public Automaton(IReadOnlyList<Pattern> patterns)
    {
        Patterns = patterns;
        var edges = new Dictionary<long, int>();
        var firstChild = new List<int> { -1 };
        var nextSibling = new List<int> { -1 };
        var label = new List<char> { '\0' };
        var outputs = new List<(int State, int Pattern)>();
        foreach (var pattern in patterns)
        {
            int state = 0;
            foreach (var c in pattern.Text)
            {
                _alphabet[c] = true;
                long key = ((long)state << 16) | c;
                if (!edges.TryGetValue(key, out var next))
                {
                    next = label.Count;
                    edges[key] = next;
                    label.Add(c);
                    firstChild.Add(-1);
                    nextSibling.Add(firstChild[state]);
                    firstChild[state] = next;
                }
                state = next;
            }
            outputs.Add((state, pattern.Id));
        }
        int states = label.Count;
        BuildOutputs(states, outputs);
        BuildHash(edges);
        foreach (var (key, value) in edges) if (key >> 16 == 0) _rootNext[(char)key] = value;
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

    void BuildHash(Dictionary<long, int> edges)
    {
        int capacity = 16;
        while (capacity < edges.Count * 2) capacity <<= 1;
        _shift = 64 - System.Numerics.BitOperations.Log2((uint)capacity);
        _keys = new long[capacity];
        _values = new int[capacity];
        Array.Fill(_keys, -1L);
        foreach (var (key, value) in edges)
        {
            if (key >> 16 == 0) continue; // root edges use the dense table
            int slot = (int)((ulong)(key * unchecked((long)0x9E3779B97F4A7C15)) >> _shift);
            while (_keys[slot] != -1) slot = (slot + 1) & (capacity - 1);
            _keys[slot] = key;
            _values[slot] = value;
        }
    }

    void BuildFailLinks(int states, List<int> firstChild, List<int> nextSibling, List<char> label)
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
    }
}
