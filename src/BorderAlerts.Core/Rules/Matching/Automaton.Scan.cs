using System.Runtime.CompilerServices;
using BorderAlerts.Core.Text;

namespace BorderAlerts.Core.Rules.Matching;

public sealed partial class Automaton
{
    // Table entries above the classes: characters that folding does more with than map them to one character.
    const int Special = 0xFFF0;
    /// <summary>A separator: a run of them is one space.</summary>
    const int SpaceEntry = Special;
    /// <summary>Folded with a look at the character before: invisible characters, word-initial Hangul (로 → 노), rare folds.</summary>
    const int LookBackEntry = Special + 1;
    /// <summary>Expands into a few plain characters (<see cref="FoldTable.InlineForm"/>): scanned as those, in place.</summary>
    const int InlineEntry = Special + 2;
    /// <summary>Expands or composes otherwise (ligatures with spaces, combining marks): the field must be normalised in full.</summary>
    const int ExpandEntry = Special + 3;
    /// <summary>Joins a neighbour into one grapheme cluster (CR, surrogates): the field is normalised in full if it also expands.</summary>
    const int ClusterEntry = Special + 4;
    /// <summary>A syllable the initial-sound rule folds at a word's start (로 → 노): after a syllable it is itself.</summary>
    const int HangulEntry = Special + 5;
    const int Skip = -1, Stop = -2;

    /// <summary>
    /// Reports every hit in <paramref name="text"/>. With <paramref name="stopAtExpanding"/>, characters NFKC expands
    /// into plain ones are scanned as their expansion; at one it expands or composes otherwise (or at a mix of
    /// expansions and multi-character clusters) the scan stops and returns false: such text must be normalised in
    /// full and scanned again.
    /// </summary>
    public bool Scan<TSink>(ReadOnlySpan<char> text, ref TSink sink, bool stopAtExpanding = false) where TSink : IHitSink, allows ref struct
    {
        // Taken from the thread while in use: a scan started from a sink's callback gets a buffer of its own.
        var found = _found ?? NewFoundBuffer();
        _found = null;
        bool done = Scan(text, ref sink, stopAtExpanding, found);
        _found = found;
        return done;
    }

    /// <summary>A buffer for <see cref="Run"/>'s found states, for callers that keep their own per thread.</summary>
    internal static int[] NewFoundBuffer() => new int[FoundStates * 2];

    /// <summary>
    /// With <paramref name="seen"/> (at least <see cref="StateCount"/> long), a state with hits already reported in
    /// this scan (marked with <paramref name="stamp"/>, new for each scan) is not reported again, unless a hit's end
    /// boundary depends on where it is: for a sink that only counts which patterns it saw, the second time adds nothing.
    /// </summary>
    internal bool Scan<TSink>(ReadOnlySpan<char> text, ref TSink sink, bool stopAtExpanding, int[] found, int[]? seen = null, int stamp = 0) where TSink : IHitSink, allows ref struct
    {
        int state = Boundary;
        int irregular = -1; // the last character that folded to other than one character (none, or an expansion)
        bool expanded = false, clustered = false;
        for (int i = 0; i < text.Length;)
        {
            int count = 0;
            i = Run(text, i, ref state, found, ref count);
            if (count > 0) ReportFound(found, count, text, stopAtExpanding, irregular, seen, stamp, ref sink);
            if (i == text.Length) break;
            if (count == found.Length) continue;
            int cls = SpecialClass(text, i, _entry[text[i]], stopAtExpanding, ref expanded, ref clustered);
            if (cls == Stop) return false;
            if (cls == Skip) irregular = i;
            else if (cls == InlineEntry) { irregular = i; state = ScanInline(text, i, state, ref sink); }
            else
            {
                int next = cls < FirstClass ? cls : Next(state, cls);
                state = next & StateMask;
                if (next < 0) ReportAll(state, text, i, 1, stopAtExpanding, irregular, ref sink);
            }
            i++;
        }
        return true;
    }

    /// <summary>States with hits that <see cref="Run"/> keeps, with where they were reached, before it returns to have them reported.</summary>
    const int FoundStates = 64;
    [ThreadStatic] static int[]? _found;

    /// <summary>
    /// Steps from <paramref name="i"/> until a special character (state unchanged, returned at that character), the
    /// end, or until <paramref name="found"/> is full. States with hits go into <paramref name="found"/> (state,
    /// position) instead of ending the run: no calls, so the loop keeps its state in registers, and a text with a hit
    /// every few characters does not pay a call and return for each.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    int Run(ReadOnlySpan<char> text, int i, ref int state, int[] found, ref int count)
    {
        var entries = _entry;
        var ascii = _ascii;
        int width = _asciiWidth, shift = _asciiShift, asciiRows = _asciiRows, spaceClass = _spaceClass;
        int current = state, stored = 0;
        for (; i < text.Length; i++)
        {
            int cls = entries[text[i]];
            if (cls >= Special)
            {
                // Most separators follow a plain character or a syllable, so they emit a space without looking further
                // back; syllables like 로 or 리 fold to themselves after a syllable (inside a word), to their ROK form
                // after a separator (at a word's start).
                if (i == 0) break;
                int before = entries[text[i - 1]];
                if (cls == SpaceEntry && (before < Special || before == HangulEntry)) cls = spaceClass;
                else if (cls == HangulEntry && HangulInitials.IsSyllable(text[i - 1])) cls = _class[text[i]];
                else if (cls == HangulEntry && before == SpaceEntry) cls = _wordInitialClass[text[i] - HangulInitials.SyllableBase];
                else break;
            }
            if (cls < FirstClass) { current = cls; continue; }
            int next = cls < width && current < asciiRows ? ascii[(current << shift) + cls] : Next(current, cls);
            if (next < 0)
            {
                found[stored] = next & ~Reports; // with Anywhere, if set
                found[stored + 1] = i;
                stored += 2;
                next &= StateMask;
                if (stored == found.Length) { current = next; i++; break; }
            }
            current = next;
        }
        state = current;
        count = stored;
        return i;
    }

    /// <summary>
    /// The class for a special entry, or <see cref="Skip"/>, <see cref="Stop"/>, or <see cref="InlineEntry"/> (scan the
    /// expansion in place). Only a scan that may stop keeps track of expansions and clusters: a normalised text has none.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    int SpecialClass(ReadOnlySpan<char> text, int i, int entry, bool stopAtExpanding, ref bool expanded, ref bool clustered)
    {
        if (stopAtExpanding)
        {
            if (entry == ExpandEntry) return Stop;
            if (entry == InlineEntry)
            {
                expanded = true;
                return clustered ? Stop : InlineEntry;
            }
            if (entry == ClusterEntry)
            {
                clustered = true;
                if (expanded) return Stop;
            }
        }
        return LookBackClass(text, i);
    }

    /// <summary>The folding rules in full: invisible characters emit nothing, a separator run one space, a word's first syllable its ROK form.</summary>
    int LookBackClass(ReadOnlySpan<char> text, int i)
    {
        char c = FoldTable.Fold(text[i]);
        if (c == FoldTable.Drop) return Skip;
        int before = i - 1;
        while (before >= 0 && FoldTable.Fold(text[before]) == FoldTable.Drop) before--;
        char previous = before < 0 ? FoldTable.Space : FoldTable.Fold(text[before]); // an expansion's last character is plain, as is the character itself
        if (c == FoldTable.Space) return previous == FoldTable.Space ? Skip : _class[c];
        if (HangulInitials.IsSyllable(c) && !HangulInitials.IsSyllable(previous)) c = HangulInitials.FoldWordInitial(c);
        return _class[c];
    }

    /// <summary>Scans the expansion of <c>text[i]</c>, reporting hits that end inside it at that character.</summary>
    int ScanInline<TSink>(ReadOnlySpan<char> text, int i, int state, ref TSink sink) where TSink : IHitSink, allows ref struct
    {
        var form = FoldTable.InlineForm(text[i])!;
        for (int k = 0; k < form.Length; k++)
        {
            int cls = _class[form[k]];
            int next = cls < FirstClass ? cls : Next(state, cls);
            state = next & StateMask;
            if (next < 0) ReportAll(state, text, i, k + 1, inline: true, irregular: i, ref sink);
        }
        return state;
    }
}
