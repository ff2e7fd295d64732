using AngleSharp.Html.Parser;

namespace BorderAlerts.Core.Parsing;

/// <summary>Turns feed HTML into plain text: tags dropped, entities decoded, whitespace and control characters collapsed.</summary>
public static class PlainText
{
    static readonly HtmlParser Parser = new(new HtmlParserOptions { IsScripting = false });

    public static string FromHtml(string? html, int maxLength)
    {
        if (string.IsNullOrEmpty(html)) return "";
        var text = html.AsSpan().IndexOfAny('<', '&') < 0 ? html : TextOf(html);
        return Collapse(text, maxLength);
    }

    static string TextOf(string html)
    {
        using var document = Parser.ParseDocument("<body>" + html);
        foreach (var hidden in document.QuerySelectorAll("script, style, template, noscript")) hidden.Remove();
        foreach (var br in document.QuerySelectorAll("br, p, div, li, h1, h2, h3, h4, tr")) br.Parent?.InsertBefore(document.CreateTextNode(" "), br);
        return document.Body?.TextContent ?? "";
    }

    public static string Collapse(string text, int maxLength)
    {
        var builder = new System.Text.StringBuilder(Math.Min(text.Length, maxLength));
        bool space = false;
        foreach (var c in text)
        {
            if (builder.Length >= maxLength) break;
            if (char.IsWhiteSpace(c) || char.IsControl(c)) { space = builder.Length > 0; continue; }
            if (space) { builder.Append(' '); space = false; }
            builder.Append(c);
        }
        return builder.ToString();
    }
}
