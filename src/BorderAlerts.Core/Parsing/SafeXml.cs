using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace BorderAlerts.Core.Parsing;

/// <summary>
/// Reads feed XML with DTD processing off (an entity bomb fails at its first undeclared entity) and element depth
/// bounded, and says when a body holds no feed at all, so the user reads "empty document" rather than whatever
/// the feed library trips over.
/// </summary>
internal static partial class SafeXml
{
    static readonly XmlReaderSettings Safe = new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        MaxCharactersFromEntities = 1_000_000,
        MaxCharactersInDocument = 200_000_000,
        IgnoreComments = true,
        CheckCharacters = false,
    };

    const int MaxDepth = 64;

    // Only an XML declaration, processing instructions, comments, a DOCTYPE and white space: no root element. A comment's
    // text holds no "--" (as XML requires), so one comment cannot stretch from a leading one to a trailing one over the feed.
    [GeneratedRegex(@"^(?:\s|<\?[^>]*>|<!--(?:[^-]|-[^-])*-->|<!DOCTYPE[^>\[]*(?:\[[^\]]*\])?\s*>)*$", RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex PrologOnly();

    /// <summary>Why the body holds no feed ("nothing after the XML declaration"), or null if it has a root element.</summary>
    public static string? MissingRoot(string xml) => PrologOnly().IsMatch(xml) ? "nothing after the XML declaration" : null;

    /// <summary>The document without its DOCTYPE, a bare channel wrapped in rss. Throws XmlException for malformed or absurdly deep XML.</summary>
    public static XDocument Load(string xml)
    {
        RejectDeepNesting(xml);
        using var reader = XmlReader.Create(new StringReader(xml), Safe);
        var document = XDocument.Load(reader, LoadOptions.None);
        document.DocumentType?.Remove();
        if (document.Root is { } root && root.Name.LocalName == "channel")
            document = new XDocument(new XElement("rss", new XAttribute("version", "2.0"), root));
        if (document.Root is { Name.LocalName: "rss" } rss && rss.Attribute("version") is null)
            rss.SetAttributeValue("version", "2.0");
        return document;
    }

    /// <summary>Why a well-formed document has nothing a feed reader could read, or null.</summary>
    public static string? MissingChannel(XDocument document) => document.Root switch
    {
        { Name.LocalName: "rss" } rss when !Children(rss, "channel") => "rss has no channel",
        { Name.LocalName: "RDF" } rdf when !Children(rdf, "channel") && !Children(rdf, "item") => "rdf:RDF has no channel or items",
        _ => null,
    };

    static bool Children(XElement parent, string localName) => parent.Elements().Any(e => e.Name.LocalName == localName);

    /// <summary>A linear pre-read: element trees nested absurdly deep make the DOM builders downstream slow, so they are refused.</summary>
    static void RejectDeepNesting(string xml)
    {
        using var reader = XmlReader.Create(new StringReader(xml), Safe);
        while (reader.Read())
            if (reader.Depth > MaxDepth) throw new XmlException($"elements nested more than {MaxDepth} deep", null, ((IXmlLineInfo)reader).LineNumber, ((IXmlLineInfo)reader).LinePosition);
    }
}
