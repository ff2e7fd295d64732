using System.Runtime.CompilerServices;
using BorderAlerts.Core.Text;

namespace BorderAlerts.Core.Rules.Matching;

public sealed partial class Automaton
{
    /// <summary>
    /// Reports everything <paramref name="state"/> finds, for a hit that ends at <c>text[end]</c> after
    /// <paramref name="part"/> of that character's folded characters (more than one only for an expansion scanned
    /// <paramref name="inline"/>). Checks end boundaries (start boundaries are the boundary state's) and, if the sink
    /// needs it, finds each hit's start: by subtraction when every character after <paramref name="irregular"/> folded
    /// to exactly one, else by walking back over the text.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    void ReportAll<TSink>(int state, ReadOnlySpan<char> text, int end, int part, bool inline, int irregular, ref TSink sink) where TSink : IHitSink, allows ref struct =>
        Report(state, text, end, part, inline, irregular, ref sink);

    /// <summary>Reports the states <see cref="Run"/> found, (state, position) pairs, in one call.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    void ReportFound<TSink>(int[] found, int count, ReadOnlySpan<char> text, bool inline, int irregular, int[]? seen, int stamp, ref TSink sink) where TSink : IHitSink, allows ref struct
    {
        for (int k = 0; k < count; k += 2)
        {
            int entry = found[k], state = entry & StateMask;
            if (seen is not null && (entry & Anywhere) == 0)
            {
                ref int last = ref seen[state];
                if (last == stamp) continue;
                last = stamp;
            }
            Report(state, text, found[k + 1], 1, inline, irregular, ref sink);
        }
    }

    /// <summary>The body of <see cref="ReportAll"/>, inlined into it and into <see cref="ReportFound"/>'s loop.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    void Report<TSink>(int state, ReadOnlySpan<char> text, int end, int part, bool inline, int irregular, ref TSink sink) where TSink : IHitSink, allows ref struct
    {
        var reported = _reported;
        for (int o = _reportStart[state]; o < _reportStart[state + 1]; o++)
        {
            var output = reported[o];
            if (output.EndBoundary && !EndsWord(text, end, part, inline)) continue;
            int start = -1;
            if (TSink.NeedsStart && (start = end + 1 - output.Length) <= irregular) start = StartOf(text, end, part, output.Length, inline);
            sink.OnHit(output.Pattern, start, end + 1);
        }
    }

    /// <summary>
    /// Where the hit of <paramref name="length"/> folded characters ending at <paramref name="end"/> begins: walks back
    /// the way Scan went forward (invisible characters emit nothing, a run of separators emits one space at its first
    /// character, an expansion its form).
    /// </summary>
    static int StartOf(ReadOnlySpan<char> text, int end, int part, int length, bool inline)
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
            else if (c != FoldTable.Drop)
            {
                int emitted = j == end ? part : inline && FoldTable.InlineForm(text[j]) is { } form ? form.Length : 1;
                if (emitted >= length) break; // the hit starts here, or inside this expansion
                length -= emitted;
            }
            j--;
        }
        return j;
    }

    /// <summary>True if no letter or digit follows, looking past invisible characters (or inside the expansion the hit ends in).</summary>
    static bool EndsWord(ReadOnlySpan<char> text, int end, int part, bool inline)
    {
        if (inline && FoldTable.InlineForm(text[end]) is { } form && part < form.Length) return !MatchText.IsWordChar(form[part]);
        int next = end + 1;
        while (next < text.Length && FoldTable.Fold(text[next]) == FoldTable.Drop) next++;
        return next >= text.Length || !MatchText.IsWordChar(First(text[next], inline));
    }

    /// <summary>The first folded character a text character emits.</summary>
    static char First(char c, bool inline) => inline && FoldTable.InlineForm(c) is { } form ? form[0] : FoldTable.Fold(c);
}
