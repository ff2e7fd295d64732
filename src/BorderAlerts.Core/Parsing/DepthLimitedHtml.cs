using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using AngleSharp.Text;

namespace BorderAlerts.Core.Parsing;

/// <summary>
/// AngleSharp parsing that gives up once elements nest deeper than <see cref="MaxDepth"/>. The HTML5 tree builder
/// walks its stack of open elements for most tags, so 90,000 unclosed divs cost minutes of CPU; AngleSharp's own
/// MaximumDepth (512) only flattens the tree while the stack still grows. Depth is measured on the tree as it is
/// built, so end tags a browser implies (unclosed p, li, td) do not count as nesting.
/// </summary>
internal static class DepthLimitedHtml
{
    /// <summary>Real pages nest a few dozen levels; browsers themselves stop nesting at 512.</summary>
    public const int MaxDepth = 400;

    // One parser for all threads; each parse watches its own depth through this thread's watch (parsing is synchronous).
    [ThreadStatic] static DepthWatch? current;
    static readonly HtmlParser Parser = new(new HtmlParserOptions { IsScripting = false, OnCreated = (element, at) => current?.Created(element, at) });

    /// <summary>The document, or null and where the page first nested deeper than <see cref="MaxDepth"/>.</summary>
    public static IHtmlDocument? TryParse(string html, out TextPosition tooDeepAt)
    {
        current = new DepthWatch();
        try
        {
            tooDeepAt = default;
            return Parser.ParseDocument(html);
        }
        catch (TooDeepException e)
        {
            tooDeepAt = e.At;
            return null;
        }
        finally { current = null; }
    }

    sealed class DepthWatch
    {
        IElement? _previous;
        TextPosition _previousAt;

        /// <summary>An element is attached to its parent only after it is created, so the previous one is measured now.</summary>
        public void Created(IElement element, TextPosition at)
        {
            if (_previous is not null && DepthOf(_previous) > MaxDepth) throw new TooDeepException(_previousAt);
            _previous = element;
            _previousAt = at;
        }

        static int DepthOf(IElement element)
        {
            int depth = 0;
            for (IElement? e = element; e is not null && depth <= MaxDepth; e = e.ParentElement) depth++;
            return depth;
        }
    }

    sealed class TooDeepException(TextPosition at) : Exception($"elements nested deeper than {MaxDepth}")
    {
        public TextPosition At { get; } = at;
    }
}
