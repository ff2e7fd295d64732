using System.Runtime.CompilerServices;
using BorderAlerts.Core.Text;

namespace BorderAlerts.Core.Rules.Matching;

/// <summary>
/// Aho–Corasick automaton over folded UTF-16 units. Each folded character that occurs in some pattern has a small class
/// id (ASCII first). Transitions, fail links already followed: states reached by ASCII prefixes have a row over the
/// ASCII classes (one load per character in Latin text); the root and the busiest states a row over all classes; the
/// rest a short child list and a fail link. Terms that start with a letter or digit start from a boundary state, not
/// the root, so inside a word the scan drops back to the root at once instead of following prefixes of terms it could
/// only find there to reject them. Scanning reads each character's class straight from a table of the
/// automaton's own (<see cref="Scan"/>); the few characters folding has more to say about take a slower path, so it
/// allocates nothing; a hit's start is found afterwards by walking back over the text, cheaper than remembering every
/// character's position.
/// </summary>
public sealed partial class Automaton
{
    public const int MaxPatternLength = 200;
    const ushort Dense = ushort.MaxValue;
    /// <summary>
    /// The root: inside a word, where only patterns without a start boundary can begin. The boundary state: after
    /// anything but a letter or digit (and at the start), where every pattern can. Terms that must start a word hang
    /// off the latter, so a scan inside a word falls back to the root instead of following prefixes it could never
    /// report. Each is also the class of the characters in no pattern that lead to it; trie states and pattern
    /// characters' classes are numbered after them.
    /// </summary>
    const int Root = 0, Boundary = 1, FirstState = 2, FirstClass = 2;
    /// <summary>Set on a transition target that has hits to report (see MarkReporting).</summary>
    const int Reports = int.MinValue;
    /// <summary>Set with <see cref="Reports"/> on a target with a hit that must end a word: where it is reached matters (see ReportFound).</summary>
    const int Anywhere = 1 << 30;
    /// <summary>The state number in a target (states stay below 2³⁰).</summary>
    const int StateMask = Anywhere - 1;

    /// <summary>
    /// One trie state, 12 bytes. <c>Next</c> is the only child (Count 1), the start of the child list (Count 2+), or
    /// the start of the complete row (Count = Dense).
    /// </summary>
    struct State
    {
        /// <summary>Fail: the fail state; once built, if that state has a complete row, the row's start complemented (one load less on a miss).</summary>
        public int Next, Fail;
        public ushort Count, Only; // Only: the class of the only child
    }

    /// <summary>
    /// A pattern a state reports, 8 bytes: its length and end-boundary flag share an int (a start boundary is where
    /// the pattern hangs in the trie).
    /// </summary>
    readonly struct Output(int pattern, int length, bool endBoundary)
    {
        readonly int _lengthAndBoundary = length << 1 | (endBoundary ? 1 : 0);

        public int Pattern { get; } = pattern;
        public int Length => _lengthAndBoundary >> 1;
        public bool EndBoundary => (_lengthAndBoundary & 1) != 0;
    }

    readonly ushort[] _class = new ushort[65536]; // folded char → class: Root or Boundary if in no pattern
    readonly ushort[] _entry = new ushort[65536]; // text char → class, or how to fold it first (see Scan)
    readonly ushort[] _wordInitialClass = new ushort[HangulInitials.SyllableCount]; // a syllable's class at a word's start (로 → 노's)
    State[] _states = [];
    ushort[] _childClass = [];
    int[] _childTarget = [];
    int[] _childStart = [];    // children of state s: [_childStart[s], _childStart[s + 1]), while building
    int[] _rows = [];          // complete rows, one entry per class
    int[] _ascii = [];         // ASCII rows: state s at s << _asciiShift (a shift is quicker than a multiplication), for the states below _asciiRows
    int _asciiWidth, _asciiShift, _asciiStates, _asciiRows;
    int _spaceClass;
    bool[] _classIsWord = []; // while building: the class is a letter or digit
    int[] _report = [];        // while building: the state itself if it has output, else the nearest one on the fail chain, or 0
    int[] _outputStart = [];   // while building: outputs of state s are _outputs[_outputStart[s] .. _outputStart[s + 1]]
    Output[] _outputs = [];
    int[] _dictionary = [];    // while building: nearest state on the fail chain with output, or 0
    int[] _reportStart = [];   // everything state s reports, its own outputs and its fail chain's: _reported[_reportStart[s] .. _reportStart[s + 1]]
    Output[] _reported = [];

    public IReadOnlyList<Pattern> Patterns { get; }
    internal int StateCount => _states.Length;

    /// <summary>Receives each hit: pattern, start and end in the scanned text (original indices).</summary>
    public interface IHitSink
    {
        /// <summary>False if the sink only counts which patterns it saw: hits then come with start −1, saving the work of finding it.</summary>
        static virtual bool NeedsStart => true;

        void OnHit(int patternId, int start, int end);
    }

    /// <summary>
    /// One step: a complete row (the root's, often) is read inline, other states walk their fail chain. The result
    /// carries <see cref="Reports"/> if the state has hits.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    int Next(int state, int cls)
    {
        ref readonly var s = ref _states[state];
        return s.Count == Dense ? _rows[s.Next + cls] : Step(state, cls);
    }

    /// <summary>The goto function with fail links followed; ends at the latest at the root, whose row is complete. Flagged as Next.</summary>
    int Step(int state, int cls)
    {
        var states = _states;
        while (true)
        {
            ref readonly var s = ref states[state];
            if (s.Count == Dense) return _rows[s.Next + cls];
            if (s.Count == 1)
            {
                if (s.Only == cls) return s.Next;
            }
            else if (s.Count != 0)
            {
                int k = Find(s.Next, s.Count, cls);
                if (k >= 0) return _childTarget[k];
            }
            if (s.Fail < 0) return _rows[~s.Fail + cls];
            state = s.Fail;
        }
    }

    /// <summary>The slot of the child with this class, or -1: a plain loop for the short lists most states have.</summary>
    int Find(int start, int count, int cls)
    {
        var classes = _childClass;
        if (count > 16) return FindMany(start, count, cls);
        for (int k = start; k < start + count; k++)
            if (classes[k] == cls) return k;
        return -1;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    int FindMany(int start, int count, int cls)
    {
        int k = _childClass.AsSpan(start, count).IndexOf((ushort)cls);
        return k < 0 ? -1 : start + k;
    }
}
