using System.Text;

namespace BorderAlerts.Chat.Discord;

/// <summary>Discord markdown escaping for feed text: no formatting, no masked links, no mentions.</summary>
public static class DiscordMarkdown
{
    const string Special = "\\*_~`|>[]()#-:<";

    public static string Escape(string text)
    {
        var defused = ChatText.Defuse(text);
        var builder = new StringBuilder(defused.Length + 16);
        foreach (var c in defused)
        {
            if (Special.Contains(c)) builder.Append('\\');
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>Escaped text with the given spans in bold, cut to <paramref name="max"/> characters on a clean boundary.</summary>
    public static string Bold(string text, IReadOnlyList<Core.Delivery.Highlight> spans, int max)
    {
        var builder = new StringBuilder();
        int at = 0;
        foreach (var span in spans.OrderBy(s => s.Start))
        {
            if (span.Start < at || span.Start + span.Length > text.Length) continue;
            var plain = Escape(text[at..span.Start]);
            var bold = "**" + Escape(text.Substring(span.Start, span.Length)) + "**";
            if (builder.Length + plain.Length + bold.Length > max - 1) break;
            builder.Append(plain).Append(bold);
            at = span.Start + span.Length;
        }
        var tail = Escape(text[at..]);
        if (builder.Length + tail.Length <= max) return builder.Append(tail).ToString();
        var room = max - builder.Length;
        var cut = ChatText.Truncate(tail, room);
        while (cut.Length > 1 && cut[^2] == '\\') cut = cut[..^2] + ChatText.Ellipsis; // never leave a dangling escape
        return builder.Append(cut).ToString();
    }
}
