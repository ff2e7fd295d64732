namespace BorderAlerts.Core.WebSub;

/// <param name="CallbackBase">{PublicUrl}/websub/; null when no public address is set, and nothing is subscribed.</param>
/// <param name="Lease">The lease asked of hubs (hub.lease_seconds); a hub may grant another.</param>
/// <param name="SafetyInterval">How often a pushed feed is still polled, to catch what a hub dropped.</param>
/// <param name="VerifyWithin">How long a hub has to verify a request before it is sent again.</param>
/// <param name="MaxBodyBytes">The largest push taken; a larger one is refused unread.</param>
public sealed record WebSubOptions(Uri? CallbackBase, TimeSpan Lease, TimeSpan SafetyInterval, TimeSpan VerifyWithin, long MaxBodyBytes)
{
    public Uri CallbackFor(string callbackId) => new(CallbackBase!, callbackId);
}
