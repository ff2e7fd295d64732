namespace BorderAlerts.Core.Text;

/// <summary>Cutting text for people to read: to a length without splitting a surrogate pair, and to one line.</summary>
public static class TextCut
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

    /// <summary>Flattens text from a feed or a user to one line, so it cannot add lines to a multi-line reply.</summary>
    public static string OneLine(string? text) =>
        text is null ? "" : string.Concat(text.Select(c => char.IsControl(c) ? ' ' : c));
}
