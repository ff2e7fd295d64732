using System.Runtime.CompilerServices;
using BorderAlerts.Core.Text;

namespace BorderAlerts.Core.Rules.Matching;

/// <summary>
/// Aho–Corasick automaton over folded UTF-16 units. Each folded character that occurs in some pattern has a small class
/// id (ASCII first). Transitions, fail links already followed: states reached by ASCII prefixes have a row over the
/// ASCII classes (one load per character in Latin text); the root and the busiest states a row over all classes; the
/// rest a short child list and a fail link. Scanning folds each character through <see cref="FoldTable"/>, collapses
/// separator runs and applies the Korean word-initial rule on the fly, so it allocates nothing; a hit's start is found
/// afterwards by walking back over the text, cheaper than remembering every character's position.
/// </summary>
public sealed partial class Automaton
{
    public const int MaxPatternLength = 200;
    const ushort Dense = ushort.MaxValue;

    /// <summary>
    /// One trie state, 12 bytes. <c>Next</c> is the only child (Count 1), the start of the child list (Count 2+), or
    /// the start of the complete row (Count = Dense).
    /// </summary>
    struct State
    {
        public int Next, Fail;
        public ushort Count, Only; // Only: the class of the only child
    }

    readonly record struct Output(int Pattern, int Length, bool StartBoundary, bool EndBoundary);

    readonly ushort[] _class = new ushort[65536]; // folded char → class, 0 = in no pattern
    State[] _states = [];
    ushort[] _childClass = [];
    int[] _childTarget = [];
    int[] _childStart = [];    // children of state s: [_childStart[s], _childStart[s + 1]), while building
    int[] _rows = [];          // complete rows, one entry per class
    int[] _ascii = [];         // ASCII rows: state s at s * _asciiWidth, for the states below _asciiRows
    int _asciiWidth, _asciiStates, _asciiRows;
    int[] _report = [];        // the state itself if it has output, else the nearest one on the fail chain, or 0
    int[] _outputStart = [];   // outputs of state s: _outputs[_outputStart[s] .. _outputStart[s + 1]]
    Output[] _outputs = [];
    int[] _dictionary = [];    // nearest state on the fail chain with output, or 0

    public IReadOnlyList<Pattern> Patterns { get; }

    /// <summary>Receives each hit: pattern, start and end in the scanned text (original indices).</summary>
    public interface IHitSink
    {
        void OnHit(int patternId, int start, int end);
    }

    /// <summary>
    /// Reports every hit in <paramref name="text"/>. With <paramref name="stopAtExpanding"/>, stops and returns false
    /// at the first character that NFKC expands or composes: such text must be normalised in full and scanned again.
    /// </summary>
    public bool Scan<TSink>(ReadOnlySpan<char> text, ref TSink sink, bool stopAtExpanding = false) where TSink : IHitSink, allows ref struct
    {
        var classes = _class;
        var ascii = _ascii;
        var report = _report;
        int width = _asciiWidth, asciiRows = _asciiRows;
        int state = 0;
        bool space = true, syllable = false; // what the previous emitted character was; the text starts as after a space
        for (int i = 0; i < text.Length; i++)
        {
            char c = FoldTable.Entry(text[i]);
            if (c >= FoldTable.Marked)
            {
                if (c == FoldTable.Drop) continue;
                if (stopAtExpanding && FoldTable.Expands(text[i])) return false;
                c = FoldTable.Fold(text[i]);
            }
            if (c == FoldTable.Space)
            {
                if (space) continue;
                space = true;
            }
            else space = false;
            if (HangulInitials.IsSyllable(c))
            {
                if (!syllable) c = HangulInitials.FoldWordInitial(c);
                syllable = true;
            }
            else syllable = false;
            int cls = classes[c];
            if (cls == 0) { state = 0; continue; }
            state = cls < width && state < asciiRows ? ascii[state * width + cls] : Next(state, cls);
            int found = report[state];
            if (found != 0) ReportAll(found, text, i, ref sink);
        }
        return true;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    void ReportAll<TSink>(int found, ReadOnlySpan<char> text, int end, ref TSink sink) where TSink : IHitSink, allows ref struct
    {
        do
        {
            for (int o = _outputStart[found]; o < _outputStart[found + 1]; o++)
            {
                var output = _outputs[o];
                if (output.EndBoundary && !EndsWord(text, end + 1)) continue;
                int start = StartOf(text, end, output.Length, out bool wordBefore);
                if (output.StartBoundary && wordBefore) continue;
                sink.OnHit(output.Pattern, start, end + 1);
            }
            found = _dictionary[found];
        } while (found != 0);
    }

    /// <summary>
    /// Where the hit of <paramref name="length"/> folded characters ending at <paramref name="end"/> begins: walks back
    /// the way Scan went forward (invisible characters emit nothing, a run of separators emits one space at its first
    /// character). Also says whether a letter or digit comes right before it.
    /// </summary>
    static int StartOf(ReadOnlySpan<char> text, int end, int length, out bool wordBefore)
    {
        int j = end;
        while (true)
        {
            char c = FoldTable.Fold(text[j]);
            if (c == FoldTable.Space)
            {
                for (int k = j - 1; k >= 0; k--)
                {
                    char before = FoldTable.Fold(text[k]);
                    if (before == FoldTable.Space) j = k;
                    else if (before != FoldTable.Drop) break;
                }
                if (--length == 0) break;
            }
            else if (c != FoldTable.Drop && --length == 0) break;
            j--;
        }
        int p = j - 1;
        while (p >= 0 && FoldTable.Fold(text[p]) == FoldTable.Drop) p--;
        wordBefore = p >= 0 && MatchText.IsWordChar(FoldTable.Fold(text[p]));
        return j;
    }

    /// <summary>True if no letter or digit follows, looking past invisible characters.</summary>
    static bool EndsWord(ReadOnlySpan<char> text, int next)
    {
        while (next < text.Length && FoldTable.Fold(text[next]) == FoldTable.Drop) next++;
        return next >= text.Length || !MatchText.IsWordChar(FoldTable.Fold(text[next]));
    }

    /// <summary>One step: a complete row (the root's, often) is read inline, other states walk their fail chain.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    int Next(int state, int cls)
    {
        ref readonly var s = ref _states[state];
        return s.Count == Dense ? _rows[s.Next + cls] : Step(state, cls);
    }

    /// <summary>The goto function with fail links followed; ends at the latest at the root, whose row is complete.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
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
            state = s.Fail;
        }
    }

    /// <summary>The slot of the child with this class, or -1: a plain loop for the short lists most states have.</summary>
    int Find(int start, int count, int cls)
    {
        var classes = _childClass;
        if (count > 16)
        {
            int k = classes.AsSpan(start, count).IndexOf((ushort)cls);
            return k < 0 ? -1 : start + k;
        }
        for (int k = start; k < start + count; k++)
            if (classes[k] == cls) return k;
        return -1;
    }
}
