namespace BorderAlerts.Core.Delivery;

/// <summary>
/// Extractive summary: the one or two sentences around the first hits, in the original language, with the hits'
/// positions mapped into the summary so renderers can bold them. Sentence ends: . ! ? 。！？ and line breaks.
/// </summary>
public static class SummaryExtractor
{
    public const int MaxLength = 600;

    public static (string Summary, IReadOnlyList<Highlight> Highlights) Extract(string text, IReadOnlyList<(int Start, int Length)> hits)
    {
        if (string.IsNullOrWhiteSpace(text)) return ("", []);
        var valid = hits.Where(h => h.Start >= 0 && h.Length > 0 && h.Start + h.Length <= text.Length).OrderBy(h => h.Start).ToList();
        int anchor = valid.Count > 0 ? valid[0].Start : 0;
        int start = SentenceStart(text, anchor);
        int end = SentenceEnd(text, anchor);
        if (end < text.Length && end - start < MaxLength / 2) end = SentenceEnd(text, end); // a second sentence if the first is short
        if (end - start > MaxLength) (start, end) = Window(anchor, start, end);
        var summary = text[start..end].Trim();
        int shift = start + (text[start..end].Length - text[start..end].TrimStart().Length);
        var highlights = valid.Where(h => h.Start >= shift && h.Start + h.Length <= shift + summary.Length)
            .Select(h => new Highlight(h.Start - shift, h.Length)).ToList();
        return (summary, highlights);
    }

    static (int, int) Window(int anchor, int start, int end)
    {
        int from = Math.Max(start, anchor - MaxLength / 3);
        return (from, Math.Min(end, from + MaxLength));
    }

    static bool IsEnd(char c) => c is '.' or '!' or '?' or '。' or '！' or '？' or '\n';

    static int SentenceStart(string text, int at)
    {
        for (int i = Math.Min(at, text.Length) - 1; i >= 0; i--)
            if (IsEnd(text[i])) return i + 1;
        return 0;
    }

    static int SentenceEnd(string text, int at)
    {
        for (int i = at; i < text.Length; i++)
            if (IsEnd(text[i])) return i + 1;
        return text.Length;
    }
}
