using AngleSharp.Dom;
using BorderAlerts.Core.Feeds;

namespace BorderAlerts.Core.Parsing;

/// <summary>
/// List pages without a feed (Uriminzokkiri). Each element matching <c>item</c> is one entry; title, link, date and
/// summary selectors apply inside it; <c>exclude</c> removes decorations (date badges, "New") from the title.
/// Relative links resolve against the page address. Pages with absurdly many tags or absurdly deep nesting are refused.
/// </summary>
public static class HtmlListParser
{
    /// <summary>Real list pages have a few thousand tags; a page with vastly more is refused before the tree builder sees it.</summary>
    const int MaxTags = 200_000;

    public static ParseResult Parse(string html, string encoding, HtmlRecipe recipe, ParseContext context)
    {
        if (string.IsNullOrWhiteSpace(html)) return ParseResult.Fail("empty body", encoding);
        if (html.AsSpan().Count('<') > MaxTags) return ParseResult.Fail($"page has more than {MaxTags:N0} tags: refused as too complex to parse safely", encoding);
        using var document = DepthLimitedHtml.TryParse(html, out var tooDeepAt);
        if (document is null)
            return ParseResult.Fail($"page nested deeper than {DepthLimitedHtml.MaxDepth} elements (line {tooDeepAt.Line}, column {tooDeepAt.Column}): refused as too complex to parse safely", encoding);
        IHtmlCollection<IElement> entries;
        try { entries = document.QuerySelectorAll(recipe.Item); }
        catch (AngleSharp.Dom.DomException) { return ParseResult.Fail($"html.item: '{recipe.Item}' is not a valid CSS selector", encoding); }

        var items = new List<ParsedItem>();
        int skipped = 0;
        foreach (var entry in entries.Take(ParseContext.MaxItems))
        {
            var item = ReadEntry(entry, recipe, context);
            if (item is null) skipped++; else items.Add(item);
        }
        return new ParseResult(items, null, encoding, skipped);
    }

    static ParsedItem? ReadEntry(IElement entry, HtmlRecipe recipe, ParseContext context)
    {
        var titleElement = entry.QuerySelector(recipe.Title);
        if (titleElement is null) return null;
        var date = recipe.Date is null ? null : entry.QuerySelector(recipe.Date)?.TextContent;
        var link = LinkOf(entry, titleElement, recipe.Link);
        var summary = recipe.Summary is null ? null : entry.QuerySelector(recipe.Summary)?.TextContent;
        var title = TitleText(titleElement, recipe.Exclude);
        return context.Item(guid: null, title, link, summary, date);
    }

    static string? LinkOf(IElement entry, IElement title, string? selector)
    {
        var anchor = selector is null ? title : entry.QuerySelector(selector);
        if (anchor is null) return null;
        return anchor.GetAttribute("href") ?? anchor.QuerySelector("a[href]")?.GetAttribute("href")
            ?? anchor.Closest("a[href]")?.GetAttribute("href") ?? (selector is null ? null : anchor.TextContent);
    }

    static string TitleText(IElement title, string? exclude)
    {
        if (exclude is null) return title.TextContent;
        var copy = (IElement)title.Clone(deep: true);
        foreach (var decoration in copy.QuerySelectorAll(exclude)) decoration.Remove();
        return copy.TextContent;
    }
}
