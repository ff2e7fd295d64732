using System.Text.Json;
using System.Xml.Linq;

namespace BorderAlerts.Core.Parsing;

/// <summary>
/// Where a feed says it is pushed from (W3C WebSub §4, discovery): its hub and its own address, the topic a subscription
/// names. HTTP <c>Link</c> headers come first; then the document's feed-level <c>link rel="hub"</c> and <c>rel="self"</c>
/// (Atom's own links, or <c>atom:link</c> in an RSS channel), or a JSON Feed's <c>hubs</c> and <c>feed_url</c>. Only
/// http(s) addresses count; a feed naming a hub but no self address is topic-less and not pushed.
/// </summary>
public sealed record PushLinks(Uri Hub, Uri Topic)
{
    static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    /// <param name="document">What the body itself names (<see cref="ParseResult.Push"/>), used where no header does.</param>
    public static PushLinks? Find(IEnumerable<KeyValuePair<string, string>> headers, DocumentLinks? document, Uri baseUrl)
    {
        var (hub, self) = FromLinkHeaders(headers, baseUrl);
        hub ??= document?.Hub;
        self ??= document?.Self;
        return hub is not null && self is not null ? new PushLinks(hub, self) : null;
    }

    /// <summary>The feed-level links of an RSS or RDF channel or an Atom feed.</summary>
    public static DocumentLinks? InXml(XDocument document, Uri baseUrl)
    {
        var root = document.Root;
        var element = root is null ? null : root.Name.LocalName == "feed" ? root : root.Elements().FirstOrDefault(e => e.Name.LocalName == "channel");
        if (element is null) return null;
        Uri? hub = null, self = null;
        foreach (var link in element.Elements().Where(e => e.Name.LocalName == "link" && (e.Name.Namespace == Atom || element.Name.Namespace == e.Name.Namespace)))
        {
            var rels = ((string?)link.Attribute("rel") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var href = Resolve((string?)link.Attribute("href"), baseUrl);
            if (href is null) continue;
            if (hub is null && rels.Contains("hub", StringComparer.OrdinalIgnoreCase)) hub = href;
            if (self is null && rels.Contains("self", StringComparer.OrdinalIgnoreCase)) self = href;
        }
        return hub is null && self is null ? null : new DocumentLinks(hub, self);
    }

    /// <summary>A JSON Feed's first hub of type WebSub and its <c>feed_url</c>.</summary>
    public static DocumentLinks? InJson(string json, Uri baseUrl)
    {
        Uri? hub = null, self = null;
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (self is null && root.TryGetProperty("feed_url", out var feedUrl) && feedUrl.ValueKind == JsonValueKind.String)
                self = Resolve(feedUrl.GetString(), baseUrl);
            if (hub is null && root.TryGetProperty("hubs", out var hubs) && hubs.ValueKind == JsonValueKind.Array)
                hub = hubs.EnumerateArray().Where(h => h.ValueKind == JsonValueKind.Object
                        && h.TryGetProperty("type", out var type) && string.Equals(type.GetString(), "WebSub", StringComparison.OrdinalIgnoreCase)
                        && h.TryGetProperty("url", out var url) && url.ValueKind == JsonValueKind.String)
                    .Select(h => Resolve(h.GetProperty("url").GetString(), baseUrl)).FirstOrDefault(u => u is not null);
        }
        catch (JsonException) { }
        return hub is null && self is null ? null : new DocumentLinks(hub, self);
    }

    /// <summary>RFC 8288 <c>Link</c> values: <c>&lt;https://hub.example/&gt;; rel="hub", &lt;…&gt;; rel=self</c>.</summary>
    static (Uri? Hub, Uri? Self) FromLinkHeaders(IEnumerable<KeyValuePair<string, string>> headers, Uri baseUrl)
    {
        Uri? hub = null, self = null;
        foreach (var (name, value) in headers)
        {
            if (!name.Equals("Link", StringComparison.OrdinalIgnoreCase)) continue;
            foreach (var (target, rels) in LinkValues(value))
            {
                var url = Resolve(target, baseUrl);
                if (url is null) continue;
                if (hub is null && rels.Contains("hub", StringComparer.OrdinalIgnoreCase)) hub = url;
                if (self is null && rels.Contains("self", StringComparer.OrdinalIgnoreCase)) self = url;
            }
        }
        return (hub, self);
    }

    static IEnumerable<(string Target, string[] Rels)> LinkValues(string header)
    {
        int at = 0;
        while (true)
        {
            var open = header.IndexOf('<', at);
            if (open < 0) yield break;
            var close = header.IndexOf('>', open + 1);
            if (close < 0) yield break;
            var next = header.IndexOf('<', close + 1);
            var parameters = next < 0 ? header[(close + 1)..] : header[(close + 1)..next];
            yield return (header[(open + 1)..close], RelsOf(parameters));
            if (next < 0) yield break;
            at = next;
        }
    }

    static string[] RelsOf(string parameters)
    {
        foreach (var part in parameters.Split(';'))
        {
            var pair = part.Trim().TrimEnd(',').Trim();
            if (!pair.StartsWith("rel", StringComparison.OrdinalIgnoreCase)) continue;
            var eq = pair.IndexOf('=');
            if (eq < 0 || pair[..eq].Trim().ToLowerInvariant() != "rel") continue;
            return pair[(eq + 1)..].Trim().Trim('"').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        }
        return [];
    }

    static Uri? Resolve(string? link, Uri baseUrl) =>
        !string.IsNullOrWhiteSpace(link) && Uri.TryCreate(baseUrl, link.Trim(), out var url) && url.Scheme is "http" or "https" ? url : null;
}

/// <summary>The hub and self address a feed document names, either possibly missing.</summary>
public sealed record DocumentLinks(Uri? Hub, Uri? Self);
