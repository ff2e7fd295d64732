using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace BorderAlerts.Core.Parsing;

/// <summary>
/// Item addresses as the formats define them. A relative link resolves against <c>xml:base</c> (on the element or
/// its ancestors, each itself relative to the one above and the outermost to the document address; RFC 4287 §2,
/// XML Base) before the fetched address is used. An RSS item without a <c>&lt;link&gt;</c> takes its permalink
/// <c>&lt;guid&gt;</c> (isPermaLink defaults to true in RSS 2.0) when that is an http(s) address. Items that have a
/// link keep it, so their identity does not change.
/// </summary>
internal static partial class ItemLinks
{
    static readonly XName XmlBase = XNamespace.Xml + "base";

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.\-]*:")]
    private static partial Regex HasScheme();

    public static void Complete(XElement root, Uri address)
    {
        if (root.DescendantsAndSelf().Any(e => e.Attribute(XmlBase) is not null)) ResolveUnder(root, address);
        if (root.Name.LocalName == "rss")
            foreach (var item in root.Elements("channel").Elements("item")) UsePermalinkGuid(item);
    }

    static void ResolveUnder(XElement element, Uri parentBase)
    {
        var baseUri = element.Attribute(XmlBase) is { } declared && Uri.TryCreate(parentBase, declared.Value.Trim(), out var resolved)
            ? resolved : parentBase;
        if (element.Name.LocalName == "link")
        {
            if (element.Attribute("href") is { } href) href.Value = Absolute(href.Value, baseUri);
            else if (!element.HasElements && element.Value.Length > 0) element.Value = Absolute(element.Value, baseUri);
        }
        foreach (var child in element.Elements()) ResolveUnder(child, baseUri);
    }

    /// <summary>Only relative references are rewritten: an absolute link keeps its exact text, and with it the item's identity.</summary>
    static string Absolute(string link, Uri baseUri)
    {
        var trimmed = link.Trim();
        if (trimmed.Length == 0 || HasScheme().IsMatch(trimmed)) return link;
        return Uri.TryCreate(baseUri, trimmed, out var url) ? url.AbsoluteUri : link;
    }

    static void UsePermalinkGuid(XElement item)
    {
        if (item.Elements("link").Any(l => !string.IsNullOrWhiteSpace(l.Value))) return;
        if (item.Element("guid") is not { } guid) return;
        if (string.Equals(guid.Attribute("isPermaLink")?.Value.Trim(), "false", StringComparison.OrdinalIgnoreCase)) return;
        var text = guid.Value.Trim();
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https")) return;
        item.Elements("link").Remove();
        item.Add(new XElement("link", text));
    }
}
