using System.Security.Cryptography;
using System.Text;
using BorderAlerts.Core.Parsing;
using BorderAlerts.Core.Text;

namespace BorderAlerts.Core.Items;

/// <summary>
/// Identity stage. An item is known by every key it offers, in the order of docs/architecture.md §5: its GUID (a permalink GUID
/// counts as an address; an opaque one is scoped to the publisher's host), its canonical address, and, only when it
/// has neither, a hash of normalised title and text. Keys are global, so one article in two feeds is one item, and
/// a publisher that rewrites its GUID but keeps the address still finds the item it already published.
/// </summary>
public static class ItemIdentity
{
    public static IReadOnlyList<string> Keys(ParsedItem item, Uri feedUrl)
    {
        var keys = new List<string>(2);
        if (item.Guid is { } guid)
        {
            keys.Add(Uri.TryCreate(guid, UriKind.Absolute, out var permalink) && permalink.Scheme is "http" or "https"
                ? "url:" + UrlCanonicalizer.Canonical(permalink)
                : $"guid:{feedUrl.Host.ToLowerInvariant()}:{guid}");
        }
        if (item.Link is { } link)
        {
            var key = "url:" + UrlCanonicalizer.Canonical(link);
            if (!keys.Contains(key)) keys.Add(key);
        }
        if (keys.Count == 0) keys.Add("hash:" + ContentHash(item.Title, item.Text));
        return keys;
    }

    public static string ContentHash(string title, string text)
    {
        var normal = TextNormalizer.ForIdentity(title) + "\n" + TextNormalizer.ForIdentity(text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normal)))[..32];
    }
}
