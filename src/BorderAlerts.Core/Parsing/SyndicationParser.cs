using System.Xml;
using System.Xml.Linq;
using CodeHollow.FeedReader;

namespace BorderAlerts.Core.Parsing;

/// <summary>
/// RSS 0.9x/1.0/2.0, Atom and JSON Feed through CodeHollow.FeedReader. XML is first read by our own reader with
/// DTD processing off (an entity bomb fails at its first undeclared entity), then handed over without its DOCTYPE.
/// </summary>
public static partial class SyndicationParser
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

    [System.Text.RegularExpressions.GeneratedRegex(@"[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|&#(?:x0*[0-8bBcCeEfF]|x0*1[0-9a-fA-F]|0*(?:[0-8]|1[1245-9]|2[0-9]|3[01]));")]
    private static partial System.Text.RegularExpressions.Regex IllegalXml();

    public static ParseResult Parse(string text, string encoding, ParseContext context)
    {
        // One stray control character in one title must not cost the whole feed.
        var body = IllegalXml().Replace(text, "").TrimStart();
        if (body.Length == 0) return ParseResult.Fail("empty body", encoding);
        if (LooksLikeHtml(body)) return ParseResult.Fail("expected RSS, Atom or JSON Feed but the body is an HTML page", encoding);
        Feed feed;
        try { feed = FeedReader.ReadFromString(body[0] == '{' ? body : CleanXml(body)); }
        catch (XmlException e) { return ParseResult.Fail($"malformed XML at line {e.LineNumber}, column {e.LinePosition}: {FirstSentence(e.Message)}", encoding); }
        catch (Exception e) when (e is FormatException or InvalidOperationException or NullReferenceException or ArgumentException or System.Text.Json.JsonException)
        { return ParseResult.Fail($"not a feed: {FirstSentence(e.Message)}", encoding); }
        catch (Exception e) when (e.Message.Contains("unknown feed", StringComparison.OrdinalIgnoreCase) || e.GetType().Name.Contains("FeedType"))
        { return ParseResult.Fail("not a feed: the root element is not rss, rdf:RDF, feed or channel", encoding); }

        var items = new List<ParsedItem>();
        int skipped = 0;
        foreach (var entry in feed.Items.Take(ParseContext.MaxItems))
        {
            var date = entry.PublishingDateString ?? entry.PublishingDate?.ToString("O");
            var item = context.Item(entry.Id, entry.Title, entry.Link, entry.Content ?? entry.Description, date, entry.Author);
            if (item is null) skipped++; else items.Add(item);
        }
        return new ParseResult(items, null, encoding, skipped + Math.Max(0, feed.Items.Count - ParseContext.MaxItems));
    }

    /// <summary>Reads XML safely and gives back text FeedReader can parse: no DOCTYPE, a bare channel wrapped in rss.</summary>
    static string CleanXml(string xml)
    {
        RejectDeepNesting(xml);
        using var reader = XmlReader.Create(new StringReader(xml), Safe);
        var document = XDocument.Load(reader, LoadOptions.None);
        document.DocumentType?.Remove();
        if (document.Root is { } root && root.Name.LocalName == "channel")
            document = new XDocument(new XElement("rss", new XAttribute("version", "2.0"), root));
        if (document.Root is { Name.LocalName: "rss" } rss && rss.Attribute("version") is null)
            rss.SetAttributeValue("version", "2.0");
        return document.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>A linear pre-read: element trees nested absurdly deep make the DOM builders downstream slow, so they are refused.</summary>
    static void RejectDeepNesting(string xml)
    {
        using var reader = XmlReader.Create(new StringReader(xml), Safe);
        while (reader.Read())
            if (reader.Depth > MaxDepth) throw new XmlException($"elements nested more than {MaxDepth} deep", null, ((IXmlLineInfo)reader).LineNumber, ((IXmlLineInfo)reader).LinePosition);
    }

    static bool LooksLikeHtml(string body)
    {
        var head = body.Length > 512 ? body[..512] : body;
        return head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
    }

    static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message.TrimEnd('.');
    }
}
