using System.Net.Sockets;

namespace BorderAlerts.Core.Fetching;

/// <summary>What the pre-flight check of a feed address found: Ok, or why not, in a sentence an admin can act on.</summary>
public sealed record FeedUrlCheck(bool Ok, string Message, Uri? Url);

public sealed partial class AddressGuard
{
    /// <summary>
    /// The check `/feeds add` runs before saving: an absolute http(s) address without user:password, whose host
    /// resolves, and (unless the settings allow private addresses) only to public addresses. Fetching checks again at
    /// connect time; this is for a clear answer in chat, not the defence itself.
    /// </summary>
    public async Task<FeedUrlCheck> CheckUrlAsync(string text, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url))
            return new(false, $"'{text}' is not an absolute address such as https://example.org/feed.xml", null);
        if (url.Scheme is not ("http" or "https"))
            return new(false, $"only http and https addresses can be feeds, not {url.Scheme}:", url);
        if (url.UserInfo.Length > 0)
            return new(false, "addresses with a user name or password (user:pass@host) are not accepted", url);
        if (url.IdnHost.Length == 0) return new(false, "the address has no host", url);
        try
        {
            var addresses = await ResolveCheckedAsync(url.IdnHost, cancellationToken);
            return new(true, $"ok: {url.IdnHost} resolves to {string.Join(", ", addresses.Select(a => a.ToString()))}", url);
        }
        catch (AddressRefusedException refused) { return new(false, refused.Message, url); }
        catch (SocketException e) { return new(false, $"{url.IdnHost} does not resolve ({e.SocketErrorCode})", url); }
    }
}
