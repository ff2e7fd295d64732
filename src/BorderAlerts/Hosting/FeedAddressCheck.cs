using BorderAlerts.Commands;

namespace BorderAlerts.Hosting;

/// <summary>The checks an address from chat passes before it is saved: http(s), no credentials in it.</summary>
public sealed class FeedAddressCheck : IFeedAddressCheck
{
    public Task<string?> CheckAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return Task.FromResult<string?>($"'{url}' is not an http or https address.");
        if (uri.UserInfo.Length > 0) return Task.FromResult<string?>("Leave user names and passwords out of feed addresses.");
        return Task.FromResult<string?>(null);
    }
}
