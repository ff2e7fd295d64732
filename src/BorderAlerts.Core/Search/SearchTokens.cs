using System.Text;
using BorderAlerts.Core.Search.Postings;
using BorderAlerts.Core.Text;

namespace BorderAlerts.Core.Search;

/// <summary>An item's text as the search index stores it: words and CJK bigrams in order, and CJK single characters.</summary>
public readonly record struct IndexedText(string Words, string Unigrams);

/// <summary>
/// Tokens for the archive index (docs/architecture.md §4). Text is folded like rule text, then Latin-script words become
/// tokens, and runs of CJK, kana and Hangul become overlapping bigrams (丹东走私 → 丹东 东走 走私) plus single characters.
/// A 2+-character CJK query needs its bigrams; a 1-character query needs the single character; both find words inside
/// longer runs, which a trigram index cannot do for 1–2 characters.
/// </summary>
public static class SearchTokens
{
    /// <summary>
    /// Index tokens for a document field in order, as text: what <see cref="AddKeys"/> hashes, in a form tests and
    /// diagnostics can read. Each single character is listed once, as the index keeps it.
    /// </summary>
    public static IndexedText ForDocument(string text)
    {
        var folded = Fold(text);
        var words = new List<string>();
        var unigrams = new List<string>();
        Walk(folded, (start, length, kind) => (kind == TokenKind.Unigram ? unigrams : words).Add(folded.Substring(start, length)));
        return new IndexedText(string.Join(' ', words), string.Join(' ', unigrams.Distinct()));
    }

    /// <summary>
    /// Adds the keys (<see cref="TokenKey"/>) of a field's words, bigrams and single characters, and its Latin-script words
    /// to <paramref name="latinWords"/> (the vocabulary prefix queries expand over). No token string is allocated but
    /// for words: this runs for every stored item.
    /// </summary>
    public static void AddKeys(string text, HashSet<long> keys, HashSet<string> latinWords)
    {
        var folded = Fold(text);
        Walk(folded, (start, length, kind) =>
        {
            if (keys.Add(TokenKey.Of(folded.AsSpan(start, length))) && kind == TokenKind.Word) latinWords.Add(folded.Substring(start, length));
        });
    }

    /// <summary>
    /// Tokens a normalised term needs to appear in a document, in order. A term that is a single CJK character has only a
    /// unigram; a term without letters or digits has no tokens at all (it cannot narrow a search).
    /// </summary>
    public static (IReadOnlyList<string> Words, string? Unigram) ForTerm(string normalizedTerm)
    {
        var folded = FoldHangul(normalizedTerm);
        var words = new List<string>();
        var unigrams = new List<string>();
        Walk(folded, (start, length, kind) => (kind == TokenKind.Unigram ? unigrams : words).Add(folded.Substring(start, length)));
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

    enum TokenKind { Word, Bigram, Unigram }

    delegate void TokenSink(int start, int length, TokenKind kind);

    /// <summary>
    /// Every token of folded text as a range of it, in order: a Latin-script word when it ends, and for each CJK character
    /// its single character, then the bigram it ends (a bigram's two characters are adjacent in the text).
    /// </summary>
    static void Walk(string folded, TokenSink sink)
    {
        int wordStart = -1, previousCjk = -1;
        for (int at = 0; at < folded.Length;)
        {
            // A lone surrogate decodes as U+FFFD (a separator), one unit long, as EnumerateRunes did.
            Rune.DecodeFromUtf16(folded.AsSpan(at), out var rune, out var length);
            var kind = Classify(rune);
            if (kind != Kind.Word && wordStart >= 0) { sink(wordStart, at - wordStart, TokenKind.Word); wordStart = -1; }
            if (kind != Kind.Cjk) previousCjk = -1;
            if (kind == Kind.Word && wordStart < 0) wordStart = at;
            else if (kind == Kind.Cjk)
            {
                sink(at, length, TokenKind.Unigram);
                if (previousCjk >= 0) sink(previousCjk, at + length - previousCjk, TokenKind.Bigram);
                previousCjk = at;
            }
            at += length;
        }
        if (wordStart >= 0) sink(wordStart, folded.Length - wordStart, TokenKind.Word);
    }

    enum Kind { Separator, Word, Cjk }

    static Kind Classify(Rune rune)
    {
        if (rune.IsBmp && MatchText.IsWordChar((char)rune.Value)) return Kind.Word;
        return Rune.IsLetterOrDigit(rune) ? Kind.Cjk : Kind.Separator;
    }
}
