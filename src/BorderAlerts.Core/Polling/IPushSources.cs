using BorderAlerts.Core.Feeds;
using BorderAlerts.Core.Parsing;

namespace BorderAlerts.Core.Polling;

/// <summary>
/// The feeds a WebSub hub pushes, as polling sees them: a poll offers the hub a feed names, and a feed whose
/// subscription is in force is polled only at the slower safety interval (pushes bring its news; the polls catch what a
/// hub dropped).
/// </summary>
public interface IPushSources
{
    TimeSpan SafetyInterval { get; }

    bool Covers(string feedId, DateTimeOffset now);

    /// <param name="links">What a fetched body named; null when it named no hub.</param>
    Task OfferAsync(FeedDefinition feed, PushLinks? links, CancellationToken cancellationToken);
}
