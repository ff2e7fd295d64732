using BorderAlerts.Commands;
using BorderAlerts.Core.Fetching;

namespace BorderAlerts.Hosting;

/// <summary>`/feeds add` asks the address guard before saving: the same rules fetching enforces at every connection.</summary>
public sealed class FeedAddressCheck(AddressGuard guard) : IFeedAddressCheck
{
    public async Task<string?> CheckAsync(string url, CancellationToken cancellationToken) =>
        await guard.CheckUrlAsync(url, cancellationToken) is { Ok: false } refused ? Capitalised(refused.Message) + "." : null;

    static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
