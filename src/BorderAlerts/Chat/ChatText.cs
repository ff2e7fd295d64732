using System.Text;

namespace BorderAlerts.Chat;

/// <summary>Text helpers shared by the renderers: truncation that never splits a surrogate pair, and mention defusing.</summary>
public static class ChatText
{
    public const string Ellipsis = "…";

    /// <summary>At most <paramref name="max"/> UTF-16 units (what Discord and Slack count), with an ellipsis when cut.</summary>
    public static string Truncate(string text, int max)
    {
        text = text.Trim();
        if (text.Length <= max) return text;
        if (max <= 1) return max == 1 ? Ellipsis : "";
        int cut = max - 1;
        if (char.IsHighSurrogate(text[cut - 1])) cut--;
        return text[..cut].TrimEnd() + Ellipsis;
    }

    /// <summary>
    /// Feed text can never mention anyone: @everyone, @here and @channel get a zero-width space after the @ (as Discord's own libraries do), and control
    /// characters become spaces and invisible ones (bidi overrides, zero-width spaces) are dropped. Platform escaping is applied after this.
    /// </summary>
    public static string Defuse(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c)) { builder.Append(' '); continue; }
            if (Core.Text.FoldTable.IsInvisible(c) && c != '\u200D') continue; // bidi overrides and zero-width tricks go; ZWJ joins emoji
            builder.Append(c);
            if (c is '@' or '＠') builder.Append('\u200B');
        }
        return builder.ToString();
    }

    /// <summary>"; also rule-a, rule-b" for an item that matched more rules than the card's own, else nothing.</summary>
    public static string AlsoMatched(Core.Delivery.AlertCard card, Func<string, string> escape) =>
        card.AlsoMatched.Count == 0 ? "" : "; also " + string.Join(", ", card.AlsoMatched.Take(8).Select(escape)) + (card.AlsoMatched.Count > 8 ? "…" : "");

    /// <summary>"2026-11-30 00:15 UTC · 2026-11-30 09:15 local (UTC+09:00)", or a note that the source gave no time.</summary>
    public static string Published(Core.Delivery.AlertCard card)
    {
        if (card.PublishedUtc is not { } utc) return "not given by the source";
        var text = $"{utc:yyyy-MM-dd HH:mm} UTC";
        if (card.PublishedLocal is { } local && local.Offset != TimeSpan.Zero) text += $" · {local:yyyy-MM-dd HH:mm} local (UTC{local:zzz})";
        return text;
    }

    /// <summary>
    /// Escaped text with the highlighted spans marked, cut to <paramref name="max"/> characters. Each platform gives its
    /// escaping, its bold marker, and how to mend a cut tail (a dangling backslash, half an entity).
    /// </summary>
    public static string Highlight(string text, IReadOnlyList<Core.Delivery.Highlight> spans, int max,
        Func<string, string> escape, string bold, Func<string, string> mendCut)
    {
        var builder = new StringBuilder();
        int at = 0;
        foreach (var span in spans.OrderBy(s => s.Start))
        {
            if (span.Start < at || span.Start + span.Length > text.Length) continue;
            var piece = escape(text[at..span.Start]) + bold + escape(text.Substring(span.Start, span.Length)) + bold;
            if (builder.Length + piece.Length > max - 1) break;
            builder.Append(piece);
            at = span.Start + span.Length;
        }
        var tail = escape(text[at..]);
        if (builder.Length + tail.Length > max) tail = mendCut(Truncate(tail, max - builder.Length));
        return builder.Append(tail).ToString();
    }
}
