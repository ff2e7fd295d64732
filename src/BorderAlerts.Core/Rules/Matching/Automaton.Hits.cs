using System.Runtime.CompilerServices;
using BorderAlerts.Core.Text;

namespace BorderAlerts.Core.Rules.Matching;

public sealed partial class Automaton
{
    /// <summary>
    /// Reports the outputs of <paramref name="found"/> and of its dictionary chain, for a hit that ends at
    /// <c>text[end]</c> after <paramref name="part"/> of that character's folded characters (more than one only for an
    /// expansion scanned <paramref name="inline"/>). Checks word boundaries and finds each hit's start.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    void ReportAll<TSink>(int found, ReadOnlySpan<char> text, int end, int part, bool inline, ref TSink sink) where TSink : IHitSink, allows ref struct
    {
        do
        {
            for (int o = _outputStart[found]; o < _outputStart[found + 1]; o++)
            {
                var output = _outputs[o];
                if (output.EndBoundary && !EndsWord(text, end, part, inline)) continue;
                int start = StartOf(text, end, part, output.Length, inline, out bool wordBefore);
                if (output.StartBoundary && wordBefore) continue;
                sink.OnHit(output.Pattern, start, end + 1);
            }
            found = _dictionary[found];
        } while (found != 0);
    }

    /// <summary>
    /// Where the hit of <paramref name="length"/> folded characters ending at <paramref name="end"/> begins: walks back
    /// the way Scan went forward (invisible characters emit nothing, a run of separators emits one space at its first
    /// character, an expansion its form). Also says whether a letter or digit comes right before it.
    /// </summary>
    static int StartOf(ReadOnlySpan<char> text, int end, int part, int length, bool inline, out bool wordBefore)
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
                if (emitted >= length)
                {
                    // The hit starts inside an expansion: the character before it is the form's.
                    if (emitted > length) { wordBefore = MatchText.IsWordChar(FoldTable.InlineForm(text[j])![emitted - length - 1]); return j; }
                    break;
                }
                length -= emitted;
            }
            j--;
        }
        int p = j - 1;
        while (p >= 0 && FoldTable.Fold(text[p]) == FoldTable.Drop) p--;
        wordBefore = p >= 0 && MatchText.IsWordChar(Edge(text[p], inline, last: true));
        return j;
    }

    /// <summary>True if no letter or digit follows, looking past invisible characters (or inside the expansion the hit ends in).</summary>
    static bool EndsWord(ReadOnlySpan<char> text, int end, int part, bool inline)
    {
        if (inline && FoldTable.InlineForm(text[end]) is { } form && part < form.Length) return !MatchText.IsWordChar(form[part]);
        int next = end + 1;
        while (next < text.Length && FoldTable.Fold(text[next]) == FoldTable.Drop) next++;
        return next >= text.Length || !MatchText.IsWordChar(Edge(text[next], inline, last: false));
    }

    /// <summary>The first or last folded character a text character emits.</summary>
    static char Edge(char c, bool inline, bool last) =>
        inline && FoldTable.InlineForm(c) is { } form ? form[last ? ^1 : 0] : FoldTable.Fold(c);
}
