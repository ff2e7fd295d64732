using System.Xml;
using System.Xml.Linq;
using CodeHollow.FeedReader;
using CodeHollow.FeedReader.Feeds;

namespace BorderAlerts.Core.Parsing;

/// <summary>
/// RSS 0.9x/1.0/2.0, Atom and JSON Feed through CodeHollow.FeedReader. HTML entity names in XML first become
/// character references (<see cref="HtmlEntities"/>); the XML is read by <see cref="SafeXml"/>, put into the shape
/// the library reads (<see cref="FeedShape"/>: prefixed vocabularies, loose items, xml:base, permalink GUIDs, Dublin
/// Core dates) and handed over without its DOCTYPE. A body with no feed in it fails as an "empty document"; a broken
/// character in one item (a lone surrogate) costs only that character.
/// </summary>
public static partial class SyndicationParser
{
    [System.Text.RegularExpressions.GeneratedRegex(@"[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|&#(?:x0*[0-8bBcCeEfF]|x0*1[0-9a-fA-F]|0*(?:[0-8]|1[1245-9]|2[0-9]|3[01]));")]
    private static partial System.Text.RegularExpressions.Regex IllegalXml();

    [System.Text.RegularExpressions.GeneratedRegex(@"^\{\s*\}\s*$")]
    private static partial System.Text.RegularExpressions.Regex EmptyJsonObject();

    public static ParseResult Parse(string text, string encoding, ParseContext context)
    {
        // One stray control character in one title must not cost the whole feed.
        var body = IllegalXml().Replace(text, "").TrimStart();
        if (body.Length == 0) return ParseResult.Fail("empty body", encoding);
        if (LooksLikeHtml(body)) return ParseResult.Fail("expected RSS, Atom or JSON Feed but the body is an HTML page", encoding);
        var (feed, error, push) = Read(body, context.BaseUrl);
        if (feed is null) return ParseResult.Fail(error!, encoding);

        var items = new List<ParsedItem>();
        int skipped = 0;
        foreach (var entry in feed.Items.Take(ParseContext.MaxItems))
        {
            // RSS 1.0 names an item by its rdf:about; the library's id is only the item's link.
            var id = (entry.SpecificItem as Rss10FeedItem)?.About is { Length: > 0 } about ? about : entry.Id;
            var item = context.Item(id, entry.Title, entry.Link, entry.Content ?? entry.Description, DateOf(entry), entry.Author);
            if (item is null) skipped++; else items.Add(item);
        }
        return new ParseResult(items, null, encoding, skipped + Math.Max(0, feed.Items.Count - ParseContext.MaxItems)) { Push = push };
    }

    static (Feed? Feed, string? Error, DocumentLinks? Push) Read(string body, Uri address)
    {
        try
        {
            if (body[0] == '{')
                return EmptyJsonObject().IsMatch(body) ? (null, "empty document: an empty JSON object", null)
                    : (FeedReader.ReadFromString(LoneSurrogates.InJsonEscapes(body)), null, PushLinks.InJson(body, address));
            if (SafeXml.MissingRoot(body) is { } noRoot) return (null, $"empty document: {noRoot}", null);
            var document = SafeXml.Load(LoneSurrogates.InXmlReferences(HtmlEntities.ToCharacterReferences(body)));
            FeedShape.Normalise(document, address);
            if (SafeXml.MissingChannel(document) is { } noChannel) return (null, $"empty document: {noChannel}", null);
            return (FeedReader.ReadFromString(document.ToString(SaveOptions.DisableFormatting)), null, PushLinks.InXml(document, address));
        }
        catch (XmlException e) { return (null, $"malformed XML at line {e.LineNumber}, column {e.LinePosition}: {FirstSentence(e.Message)}", null); }
        // The feed library dereferences elements it assumes are there; its NullReferenceException says nothing to a user.
        catch (NullReferenceException) { return (null, "not a feed: an element every RSS, Atom or JSON feed has is missing", null); }
        catch (Exception e) when (e is FormatException or InvalidOperationException or ArgumentException or System.Text.Json.JsonException)
        { return (null, $"not a feed: {FirstSentence(e.Message)}", null); }
        catch (Exception e) when (e.Message.Contains("unknown feed", StringComparison.OrdinalIgnoreCase) || e.GetType().Name.Contains("FeedType"))
        { return (null, "not a feed: the root element is not rss, rdf:RDF, feed or channel", null); }
    }

    /// <summary>Atom requires only &lt;updated&gt; and JSON Feed may give only date_modified: either dates an entry that has no publication date.</summary>
    static string? DateOf(FeedItem entry) => entry.PublishingDateString ?? entry.PublishingDate?.ToString("O") ?? entry.SpecificItem switch
    {
        AtomFeedItem atom => atom.UpdatedDateString,
        JsonFeedItem json => json.DateModifiedString,
        _ => null,
    };

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
