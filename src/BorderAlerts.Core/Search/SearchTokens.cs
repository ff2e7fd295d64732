using System.Text;
using BorderAlerts.Core.Text;

namespace BorderAlerts.Core.Search;

/// <summary>An item's text as the search index stores it: words and CJK bigrams in order, and CJK single characters.</summary>
public readonly record struct IndexedText(string Words, string Unigrams);

/// <summary>
/// Tokens for the archive index (design section 4). Text is folded like rule text, then Latin-script words become
/// tokens, and runs of CJK, kana and Hangul become overlapping bigrams (丹东走私 → 丹东 东走 走私) plus single characters
/// in a separate column. A 2+-character CJK query is a phrase of its bigrams; a 1-character query reads the single
/// characters; both find words inside longer runs, which a trigram index cannot do for 1–2 characters.
/// </summary>
public static class SearchTokens
{
    /// <summary>
    /// Index tokens for a document field. Each single character is listed once: a 1-character query is one token, never
    /// a phrase, so repeats and their positions would only grow the index.
    /// </summary>
    public static IndexedText ForDocument(string text)
    {
        var words = new List<string>();
        var unigrams = new List<string>();
        Split(Fold(text), words, unigrams);
        return new IndexedText(string.Join(' ', words), string.Join(' ', unigrams.Distinct()));
    }

    /// <summary>
    /// Tokens a normalised term needs to appear in a document, in order. A term that is a single CJK character has only a
    /// unigram; a term without letters or digits has no tokens at all (it cannot narrow a search).
    /// </summary>
    public static (IReadOnlyList<string> Words, string? Unigram) ForTerm(string normalizedTerm)
    {
        var words = new List<string>();
        var unigrams = new List<string>();
        Split(FoldHangul(normalizedTerm), words, unigrams);
        return words.Count == 0 && unigrams.Count == 1 ? ([], unigrams[0]) : (words, null);
    }

    /// <summary>Rule folding, and then Korean initial sounds folded inside words too, so 로동 in 조선로동당 meets 노동.</summary>
    public static string Fold(string text) => FoldHangul(MatchText.Normalize(text));

    static string FoldHangul(string folded)
    {
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded) builder.Append(HangulInitials.FoldWordInitial(c));
        return builder.ToString();
    }

    static void Split(string folded, List<string> words, List<string> unigrams)
    {
        var word = new StringBuilder();
        string? previousCjk = null;
        foreach (var rune in folded.EnumerateRunes())
        {
            var kind = Classify(rune);
            if (kind != Kind.Word && word.Length > 0) { words.Add(word.ToString()); word.Clear(); }
            if (kind != Kind.Cjk) previousCjk = null;
            if (kind == Kind.Word) word.Append(rune.ToString());
            else if (kind == Kind.Cjk)
            {
                var current = rune.ToString();
                unigrams.Add(current);
                if (previousCjk is not null) words.Add(previousCjk + current);
                previousCjk = current;
            }
        }
        if (word.Length > 0) words.Add(word.ToString());
    }

    enum Kind { Separator, Word, Cjk }

    static Kind Classify(Rune rune)
    {
        if (rune.IsBmp && MatchText.IsWordChar((char)rune.Value)) return Kind.Word;
        return Rune.IsLetterOrDigit(rune) ? Kind.Cjk : Kind.Separator;
    }
}
