using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace BorderAlerts.Core.Parsing;

/// <summary>
/// Turns feed HTML into plain text: tags dropped, entities decoded, whitespace and control characters collapsed.
/// Cost stays linear: ordinary markup goes through AngleSharp in one tree walk; very long or tag-heavy input (which
/// can make an HTML5 tree builder quadratic), or markup nested deeper than <see cref="DepthLimitedHtml.MaxDepth"/>,
/// is stripped with a linear scan instead.
/// </summary>
public static partial class PlainText
{
    const int MaxParsedLength = 100_000, MaxParsedTags = 5_000;
    static readonly HashSet<string> Blocks = ["BR", "P", "DIV", "LI", "H1", "H2", "H3", "H4", "H5", "H6", "TR", "TD", "TH", "BLOCKQUOTE"];
    static readonly HashSet<string> Hidden = ["SCRIPT", "STYLE", "TEMPLATE", "NOSCRIPT"];

    [GeneratedRegex(@"<script\b.*?</script\s*>|<style\b.*?</style\s*>|<[^>]*>", RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex Tags();

    public static string FromHtml(string? html, int maxLength)
    {
        if (string.IsNullOrEmpty(html)) return "";
        if (html.AsSpan().IndexOfAny('<', '&') < 0) return Collapse(html, maxLength);
        if (html.Length > MaxParsedLength || html.AsSpan().Count('<') > MaxParsedTags) return Collapse(Stripped(html), maxLength);
        using var document = DepthLimitedHtml.TryParse("<body>" + html, out _);
        if (document is null) return Collapse(Stripped(html), maxLength);
        var text = new StringBuilder(html.Length);
        if (document.Body is { } body) Walk(body, text, maxLength * 2);
        return Collapse(text.ToString(), maxLength);
    }

    static void Walk(INode node, StringBuilder text, int budget)
    {
        foreach (var child in node.ChildNodes)
        {
            if (text.Length > budget) return;
            if (child is IText t) { text.Append(t.Data); continue; }
            if (child is not IElement element || Hidden.Contains(element.TagName)) continue;
            if (Blocks.Contains(element.TagName)) text.Append(' ');
            Walk(element, text, budget);
        }
    }

    static string Stripped(string html) => WebUtility.HtmlDecode(Tags().Replace(html, " "));

    public static string Collapse(string text, int maxLength)
    {
        var builder = new StringBuilder(Math.Min(text.Length, maxLength));
        bool space = false;
        foreach (var c in text)
        {
            if (builder.Length >= maxLength) break;
            if (char.IsWhiteSpace(c) || char.IsControl(c)) { space = builder.Length > 0; continue; }
            if (space) { builder.Append(' '); space = false; }
            builder.Append(c);
        }
        // A cut must not split a surrogate pair: half a character is not text.
        if (builder.Length >= maxLength && char.IsHighSurrogate(builder[^1])) builder.Length--;
        return builder.ToString();
    }
}
