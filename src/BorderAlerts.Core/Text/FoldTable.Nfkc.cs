using System.Globalization;

namespace BorderAlerts.Core.Text;

/// <summary>
/// What <see cref="NfkcMap"/> needs to normalise most text without ICU: each character's NFKC form on its own, and
/// which characters are always a grapheme cluster on their own. NFKC applied cluster by cluster is then, for a text
/// made only of such characters, the characters' own forms one after the other.
/// </summary>
public static partial class FoldTable
{
    const byte Single = 1, Changes = 2, Inline = 4;
    static readonly byte[] NfkcInfo = new byte[65536];
    static readonly Dictionary<char, string> NfkcForms = [];
    static readonly Dictionary<char, string> InlineForms = [];

    /// <summary>
    /// True if the character is a grapheme cluster by itself beside any other such character: not a surrogate, CR,
    /// combining or spacing mark, zero-width joiner, prepended mark or conjoining Hangul jamo (UAX #29 joins only
    /// those to their neighbours).
    /// </summary>
    internal static bool IsSingleCluster(char c) => (NfkcInfo[c] & Single) != 0;

    /// <summary>True if NFKC changes the character on its own; <see cref="NfkcForm"/> then gives the result.</summary>
    internal static bool NfkcChanges(char c) => (NfkcInfo[c] & Changes) != 0;

    internal static string NfkcForm(char c) => NfkcForms[c];

    /// <summary>
    /// The folded NFKC form of a character that expands into a few plain characters (… → "...", ™ → "tm", ﬁ → "fi"),
    /// or null. Plain: each a cluster of its own, composing with nothing, folding to neither a space, an invisible
    /// character nor a Hangul syllable. In text whose every character is a cluster of its own, such a character can be
    /// scanned as its form in place, exactly as if the text had been normalised first.
    /// </summary>
    internal static string? InlineForm(char c) => (NfkcInfo[c] & Inline) != 0 ? InlineForms[c] : null;

    /// <summary>A grapheme cluster by itself, as <see cref="NfkcMap"/> decides it (of ASCII, only CR joins its neighbour).</summary>
    internal static bool IsSingleClusterChar(char c) => c < 0x80 ? c != '\r' : IsSingleCluster(c);

    static void RecordNfkc(char ch, string? nfkc)
    {
        if (nfkc is null || nfkc.Length == 1 && nfkc[0] == ch) return;
        NfkcInfo[ch] |= Changes;
        NfkcForms[ch] = nfkc;
    }

    /// <summary>
    /// Asks .NET's own segmentation: a character that joins 'a', 가 or a line feed after it, or 'a' or 가 before it,
    /// has one of the joining properties; every other character is marked single.
    /// </summary>
    static void FindSingleClusters()
    {
        Span<char> pair = stackalloc char[2];
        for (int c = 0; c < 65536; c++)
        {
            var ch = (char)c;
            if (char.IsSurrogate(ch)) continue;
            if (Joins(pair, ch, 'a') || Joins(pair, ch, '\uAC00') || Joins(pair, ch, '\n')
                || Joins(pair, 'a', ch) || Joins(pair, '\uAC00', ch)) continue;
            NfkcInfo[c] |= Single;
        }
    }

    static void FindInlineForms()
    {
        foreach (var (ch, nfkc) in NfkcForms)
        {
            if (nfkc.Length < 2 || !Expanding[ch] || !IsSingleClusterChar(ch) || !nfkc.All(IsPlain)) continue;
            InlineForms[ch] = string.Concat(nfkc.Select(Fold));
            NfkcInfo[ch] |= Inline;
        }
    }

    static bool IsPlain(char c) => IsSingleClusterChar(c) && !Expanding[c] && Fold(c) is var folded
        && folded is not (Space or Drop or Marked) && !HangulInitials.IsSyllable(folded);

    static bool Joins(Span<char> pair, char first, char second)
    {
        pair[0] = first;
        pair[1] = second;
        return StringInfo.GetNextTextElementLength(pair) != 1;
    }
}
