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
    public static string Bold(string text, IReadOnlyList<Core.Delivery.Highlight> spans, int max) =>
        ChatText.Highlight(text, spans, max, Escape, "**", MendCut);

    /// <summary>Never leave a dangling escape before the ellipsis.</summary>
    public static string MendCut(string cut) => cut.EndsWith("\\" + ChatText.Ellipsis) ? cut[..^2] + ChatText.Ellipsis : cut;
}
