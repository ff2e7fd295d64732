using System.Xml.Linq;

namespace BorderAlerts.Core.Parsing;

/// <summary>
/// The feed library reads an item's text only from <c>description</c> and <c>content:encoded</c>. Publishers also put it
/// in Dublin Core's <c>dc:description</c>, iTunes' <c>itunes:summary</c>, an XHTML <c>body</c>, or the old
/// <c>fullitem</c>; an item with nothing else was skipped as unreadable. The first of these with text becomes the
/// item's <c>description</c> (markup is removed later, as for any description).
/// </summary>
internal static class ItemTexts
{
    static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";
    static readonly XName[] Fallbacks =
        [(XNamespace)"http://purl.org/dc/elements/1.1/" + "description", (XNamespace)"http://www.itunes.com/dtds/podcast-1.0.dtd" + "summary", Xhtml + "body", "fullitem"];

    public static void Complete(XElement root)
    {
        foreach (var item in FeedShape.RssItems(root)) Fill(item, root.Name.LocalName == "rss" ? XNamespace.None : item.Name.Namespace);
    }

    static void Fill(XElement item, XNamespace vocabulary)
    {
        if (HasText(item.Element(vocabulary + "description")) || HasText(item.Element(Content + "encoded"))) return;
        if (Fallbacks.Select(item.Element).FirstOrDefault(HasText) is not { } found) return;
        item.Elements(vocabulary + "description").Remove();
        item.Add(new XElement(vocabulary + "description", found.Name == Xhtml + "body" ? Inner(found) : found.Value));
    }

    static bool HasText(XElement? element) => element is not null && !string.IsNullOrWhiteSpace(element.Value);

    /// <summary>An XHTML body's markup as HTML text, as a description carries it.</summary>
    static string Inner(XElement body) => string.Concat(body.Nodes().Select(n => n.ToString(SaveOptions.DisableFormatting)));
}
