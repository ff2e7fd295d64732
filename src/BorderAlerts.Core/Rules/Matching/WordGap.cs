namespace BorderAlerts.Core.Rules.Matching;

/// <summary>
/// How many words lie between two places of a text, for NEAR: a word is a run of letters or digits, except that each
/// Chinese character or kana counts as one (those scripts write no spaces). Punctuation and spaces are not words.
/// </summary>
internal static class WordGap
{
    public static int Count(string text, int from, int to)
    {
        int words = 0;
        bool inWord = false;
        for (int k = Math.Max(0, from); k < Math.Min(to, text.Length); k++)
        {
            var c = text[k];
            if (IsSingleCharWord(c)) { words++; inWord = false; }
            else if (char.IsLetterOrDigit(c)) { if (!inWord) words++; inWord = true; }
            else inWord = false;
        }
        return words;
    }

    static bool IsSingleCharWord(char c) => c is >= '\u3040' and <= '\u30FF' or >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF';
}
