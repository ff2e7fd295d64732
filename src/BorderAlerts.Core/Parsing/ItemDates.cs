using System.Xml.Linq;

namespace BorderAlerts.Core.Parsing;

/// <summary>
/// The feed library reads an RSS item's date only from <c>pubDate</c> and an RSS 1.0 item's only from <c>dc:date</c>.
/// An item without that element is dated by Dublin Core instead, in this order: <c>dcterms:issued</c>,
/// <c>dc:date</c>, <c>dcterms:modified</c>; the text (a bare <c>2004-05-06</c> too) is read by <see cref="SourceDates"/>.
/// </summary>
internal static class ItemDates
{
    static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    static readonly XNamespace DcTerms = "http://purl.org/dc/terms/";
    static readonly XName[] Fallbacks = [DcTerms + "issued", Dc + "date", DcTerms + "modified"];

    public static void Complete(XElement root)
    {
        switch (root.Name.LocalName)
        {
            case "rss":
                foreach (var item in FeedShape.RssItems(root)) Fill(item, "pubDate");
                break;
            case "RDF" when DcPrefixIsFree(root):
                foreach (var item in FeedShape.RssItems(root)) Fill(item, Dc + "date");
                break;
        }
    }

    static void Fill(XElement item, XName read)
    {
        if (item.Elements(read).Any(e => !string.IsNullOrWhiteSpace(e.Value))) return;
        var date = Fallbacks.Select(name => item.Element(name)?.Value.Trim()).FirstOrDefault(v => !string.IsNullOrEmpty(v));
        if (date is null) return;
        item.Elements(read).Remove();
        item.Add(new XElement(read, date));
    }

    /// <summary>The library finds dc:date through the prefix "dc", so it must name Dublin Core (it is declared if missing).</summary>
    static bool DcPrefixIsFree(XElement root)
    {
        var bound = root.GetNamespaceOfPrefix("dc");
        if (bound is null) root.SetAttributeValue(XNamespace.Xmlns + "dc", Dc.NamespaceName);
        return bound is null || bound == Dc;
    }
}
