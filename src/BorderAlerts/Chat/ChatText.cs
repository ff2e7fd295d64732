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
    /// characters (including bidi overrides) become spaces. Platform escaping is applied after this.
    /// </summary>
    public static string Defuse(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c) || c is '\u202A' or '\u202B' or '\u202C' or '\u202D' or '\u202E' or '\u2066' or '\u2067' or '\u2068' or '\u2069')
            { builder.Append(' '); continue; }
            builder.Append(c);
            if (c is '@' or '＠') builder.Append('\u200B');
        }
        return builder.ToString();
    }
}
