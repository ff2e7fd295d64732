using System.Globalization;

namespace BorderAlerts.Core.Text;

/// <summary>
/// What <see cref="NfkcMap"/> needs to normalise most text without ICU: each character's NFKC form on its own, and
/// which characters are always a grapheme cluster on their own. NFKC applied cluster by cluster is then, for a text
/// made only of such characters, the characters' own forms one after the other.
/// </summary>
public static partial class FoldTable
{
    const byte Single = 1, Changes = 2;
    static readonly byte[] NfkcInfo = new byte[65536];
    static readonly Dictionary<char, string> NfkcForms = [];

    /// <summary>
    /// True if the character is a grapheme cluster by itself beside any other such character: not a surrogate, CR,
    /// combining or spacing mark, zero-width joiner, prepended mark or conjoining Hangul jamo (UAX #29 joins only
    /// those to their neighbours).
    /// </summary>
    internal static bool IsSingleCluster(char c) => (NfkcInfo[c] & Single) != 0;

    /// <summary>True if NFKC changes the character on its own; <see cref="NfkcForm"/> then gives the result.</summary>
    internal static bool NfkcChanges(char c) => (NfkcInfo[c] & Changes) != 0;

    internal static string NfkcForm(char c) => NfkcForms[c];

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

    static bool Joins(Span<char> pair, char first, char second)
    {
        pair[0] = first;
        pair[1] = second;
        return StringInfo.GetNextTextElementLength(pair) != 1;
    }
}
