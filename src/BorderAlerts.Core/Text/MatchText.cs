using System.Text;

namespace BorderAlerts.Core.Text;

/// <summary>
/// Normalisation applied to terms and text alike (docs/query-language.md): NFKC, case folding, traditional →
/// simplified, Latin diacritics, separators to one space, Korean word-initial sounds. The matcher folds text character
/// by character with the same rules; this class gives the whole-string form for terms, search and tests.
/// </summary>
public static class MatchText
{
    public static string Normalize(string text) => Normalize(text, atWordStart: true);

    /// <summary>
    /// The folded form; with <paramref name="atWordStart"/> false the first syllable is read as if inside a word, which
    /// is how a term like 로동당 must look to match inside 조선로동당 (the initial-sound rule only applies at word starts).
    /// </summary>
    public static string Normalize(string text, bool atWordStart)
    {
        var source = NeedsFullNfkc(text) ? text.Normalize(NormalizationForm.FormKC) : text;
        var builder = new StringBuilder(source.Length);
        char previous = atWordStart ? FoldTable.Space : '\uAC00';
        foreach (var raw in source)
        {
            var c = FoldTable.Fold(raw);
            if (c == FoldTable.Drop) continue;
            if (c == FoldTable.Space && previous == FoldTable.Space) continue;
            if (!HangulInitials.IsSyllable(previous)) c = HangulInitials.FoldWordInitial(c);
            builder.Append(c);
            previous = c;
        }
        if (builder.Length > 0 && builder[^1] == FoldTable.Space) builder.Length--;
        return builder.ToString();
    }

    /// <summary>True if some character expands under NFKC; such text is normalised in full before folding.</summary>
    public static bool NeedsFullNfkc(ReadOnlySpan<char> text)
    {
        foreach (var c in text) if (c >= 0x80 && FoldTable.Expands(c)) return true;
        return false;
    }

    /// <summary>Latin letters and digits carry word boundaries; CJK, kana and Hangul do not.</summary>
    public static bool IsWordChar(char folded) =>
        folded < 0x80 ? char.IsAsciiLetterOrDigit(folded) : folded <= 0x24F && char.IsLetterOrDigit(folded)
            || folded is >= '\u0370' and <= '\u052F' && char.IsLetter(folded);
}
