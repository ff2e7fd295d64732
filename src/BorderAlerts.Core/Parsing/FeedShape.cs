using System.Xml.Linq;

namespace BorderAlerts.Core.Parsing;

/// <summary>
/// Puts a loaded feed document into the shape CodeHollow.FeedReader reads, which looks elements up in the default
/// namespace only. A vocabulary written with a prefix (<c>atom:feed</c>, <c>rss:item</c> inside <c>rdf:RDF</c>) becomes
/// the default namespace; a prefixed <c>r:rss</c> loses its namespace, which RSS 2.0 never had; items written straight
/// under <c>rss</c> (or an RDF without a channel) get the channel the library walks from. Links and dates are then
/// completed by <see cref="ItemLinks"/>, <see cref="ItemDates"/> and <see cref="ItemTexts"/>.
/// </summary>
internal static class FeedShape
{
    public static void Normalise(XDocument document, Uri address)
    {
        if (document.Root is not { } root) return;
        switch (root.Name.LocalName)
        {
            case "rss":
                if (root.Name.Namespace != XNamespace.None) DropNamespace(root, root.Name.Namespace);
                GatherLooseItems(root);
                break;
            case "feed":
                MakeDefault(root, root.Name.Namespace);
                break;
            case "RDF":
                NormaliseRdf(root);
                break;
        }
        ItemLinks.Complete(root, address);
        ItemDates.Complete(root);
        ItemTexts.Complete(root);
    }

    /// <summary>An RSS document's items (under its channel) or an RDF document's (under the root); none for Atom.</summary>
    public static IEnumerable<XElement> RssItems(XElement root) => root.Name.LocalName switch
    {
        "rss" => root.Elements("channel").Elements("item"),
        "RDF" => root.Elements().Where(e => e.Name.LocalName == "item"),
        _ => [],
    };

    /// <summary>The RSS 1.0 (or 0.90) vocabulary becomes the default; items without a channel get an empty one, whose parent the library reads items from.</summary>
    static void NormaliseRdf(XElement rdf)
    {
        if (rdf.Elements().FirstOrDefault(e => e.Name.LocalName is "channel" or "item")?.Name.Namespace is not { } vocabulary) return;
        MakeDefault(rdf, vocabulary);
        if (rdf.Element(vocabulary + "channel") is null) rdf.AddFirst(new XElement(vocabulary + "channel"));
    }

    /// <summary>The library reads <c>rss</c> children unqualified: every element of the root's namespace becomes unqualified.</summary>
    static void DropNamespace(XElement root, XNamespace vocabulary)
    {
        foreach (var element in root.DescendantsAndSelf().Where(e => e.Name.Namespace == vocabulary).ToList())
            element.Name = XNamespace.None + element.Name.LocalName;
        RemoveDeclarationsOf(root, vocabulary);
    }

    /// <summary>Binds the vocabulary to the default namespace on the root, so its elements are written without a prefix.</summary>
    static void MakeDefault(XElement root, XNamespace vocabulary)
    {
        if (vocabulary == XNamespace.None || root.GetDefaultNamespace() == vocabulary) return;
        RemoveDeclarationsOf(root, vocabulary);
        root.SetAttributeValue("xmlns", vocabulary.NamespaceName);
    }

    static void RemoveDeclarationsOf(XElement root, XNamespace vocabulary) =>
        root.DescendantsAndSelf().Attributes()
            .Where(a => a.IsNamespaceDeclaration && a.Value == vocabulary.NamespaceName)
            .ToList().ForEach(a => a.Remove());

    /// <summary>Items written under <c>rss</c> itself (no channel, or after it) move into the channel.</summary>
    static void GatherLooseItems(XElement rss)
    {
        var loose = rss.Elements("item").ToList();
        if (loose.Count == 0) return;
        var channel = rss.Element("channel");
        if (channel is null)
        {
            channel = new XElement("channel", rss.Nodes());
            rss.RemoveNodes();
            rss.Add(channel);
            return;
        }
        loose.ForEach(item => item.Remove());
        channel.Add(loose);
    }
}
