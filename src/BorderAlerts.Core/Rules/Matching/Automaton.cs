using BorderAlerts.Core.Text;

namespace BorderAlerts.Core.Rules.Matching;

/// <summary>
/// Aho–Corasick automaton over folded UTF-16 units. Root transitions are a dense 64K table; deeper transitions live in
/// one open-addressing hash keyed by (state, char). Scanning folds each character through <see cref="FoldTable"/>,
/// collapses separator runs and applies the Korean word-initial rule on the fly, so it allocates nothing.
/// </summary>
public sealed partial class Automaton
{
    public const int MaxPatternLength = 200;
    const int RingSize = 256, RingMask = RingSize - 1;
    const int Many = 255, FewChildren = 16;

    readonly int[] _rootNext = new int[65536];
    readonly bool[] _alphabet = new bool[65536];
    ulong[] _table = [];      // (parent << 16 | char) << 24 | child; 0 = empty
    int[] _childStart = [];   // children of each state, contiguous: states with few children are scanned, not hashed
    byte[] _childCount = [];  // 255 = many: look in the table
    char[] _childLabel = [];
    int[] _childTarget = [];
    int _shift;
    int[] _fail = [];
    int[] _outputHead = [];   // first output entry of a state, or -1
    int[] _outputPattern = []; // output entries: pattern id
    int[] _outputNext = [];    // next entry in the same state's list, or -1
    int[] _dictionary = [];    // nearest state on the fail chain with output, or 0
    int[] _report = [];        // the state itself if it has output, else its dictionary link: one load per character

    public IReadOnlyList<Pattern> Patterns { get; }

    /// <summary>Receives each hit: pattern, start and length in the scanned text (original indices).</summary>
    public interface IHitSink
    {
        void OnHit(int patternId, int start, int end);
    }

    public void Scan<TSink>(ReadOnlySpan<char> text, ref TSink sink) where TSink : IHitSink, allows ref struct
    {
        Span<int> origin = stackalloc int[RingSize];
        Span<char> emitted = stackalloc char[RingSize];
        int state = 0, count = 0;
        char previous = FoldTable.Space;
        for (int i = 0; i < text.Length; i++)
        {
            char c = FoldTable.Fold(text[i]);
            if (c == FoldTable.Drop || c == FoldTable.Space && previous == FoldTable.Space) continue;
            if (!HangulInitials.IsSyllable(previous) && HangulInitials.IsSyllable(c)) c = HangulInitials.FoldWordInitial(c);
            origin[count & RingMask] = i;
            emitted[count & RingMask] = c;
            count++;
            previous = c;
            if (!_alphabet[c]) { state = 0; continue; }
            state = Step(state, c);
            var found = _report[state];
            while (found != 0)
            {
                for (int o = _outputHead[found]; o >= 0; o = _outputNext[o])
                    Report(_outputPattern[o], text, i, count, origin, emitted, ref sink);
                found = _dictionary[found];
            }
        }
    }

    void Report<TSink>(int patternId, ReadOnlySpan<char> text, int end, int count, scoped Span<int> origin, scoped Span<char> emitted, ref TSink sink)
        where TSink : IHitSink, allows ref struct
    {
        var pattern = Patterns[patternId];
        int length = pattern.Text.Length;
        if (pattern.StartBoundary && count > length && MatchText.IsWordChar(emitted[(count - length - 1) & RingMask])) return;
        if (pattern.EndBoundary && !EndsWord(text, end + 1)) return;
        sink.OnHit(patternId, origin[(count - length) & RingMask], end + 1);
    }

    /// <summary>True if no letter or digit follows, looking past invisible characters.</summary>
    static bool EndsWord(ReadOnlySpan<char> text, int next)
    {
        while (next < text.Length && FoldTable.Fold(text[next]) == FoldTable.Drop) next++;
        return next >= text.Length || !MatchText.IsWordChar(FoldTable.Fold(text[next]));
    }

    int Step(int state, char c)
    {
        while (state != 0)
        {
            var next = Lookup(state, c);
            if (next > 0) return next;
            state = _fail[state];
        }
        return _rootNext[c];
    }

    int Slot(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> _shift);

    int Lookup(int state, char c)
    {
        int count = _childCount[state];
        if (count != Many)
        {
            int start = _childStart[state];
            for (int k = 0; k < count; k++)
                if (_childLabel[start + k] == c) return _childTarget[start + k];
            return 0;
        }
        ulong key = ((ulong)state << 16) | c;
        int slot = Slot(key), mask = _table.Length - 1;
        while (true)
        {
            var entry = _table[slot];
            if (entry == 0) return 0;
            if (entry >> 24 == key) return (int)(entry & 0xFFFFFF);
            slot = (slot + 1) & mask;
        }
    }
}
