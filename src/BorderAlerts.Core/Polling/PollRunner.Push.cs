using BorderAlerts.Core.Feeds;
using BorderAlerts.Core.Items;
using BorderAlerts.Core.Parsing;
using BorderAlerts.Core.Storage;

namespace BorderAlerts.Core.Polling;

/// <summary>What came of a body a hub pushed: the poll-like report of what it stored, or why nothing was.</summary>
public sealed record PushReceipt(PollReport? Report, string? Dropped);

public sealed partial class PollRunner
{
    /// <summary>How often a push tries to claim a feed another poller is polling, a second apart.</summary>
    const int PushClaimAttempts = 10;

    /// <summary>
    /// A body a WebSub hub pushed for a feed, run through the same pipeline as a poll's (the feed's claim, identity,
    /// rules, stories, outbox). It is read before anything is claimed, so a body that is not a feed costs nothing and is
    /// never recorded on the feed's health; a feed no poll has seeded yet is left to its first poll, which would
    /// otherwise alert on the items the push did not list.
    /// </summary>
    /// <param name="topic">The address the hub pushes for, the base of the body's relative links (as the fetched address is a poll's).</param>
    public async Task<PushReceipt> ReceivePushAsync(string feedId, Uri topic, byte[] body, string? contentType,
        IReadOnlyList<KeyValuePair<string, string>> headers, CancellationToken cancellationToken)
    {
        var feed = catalog.Current().Feeds.FirstOrDefault(f => f.Id == feedId && f.Enabled);
        if (feed is null) return new PushReceipt(null, "the feed is no longer polled");
        var parsed = FeedParser.Parse(body, contentType, new ParseContext(feed, topic, clock.GetUtcNow()));
        if (!parsed.Ok) return new PushReceipt(null, $"not a feed: {parsed.Error} (encoding {parsed.EncodingName})");
        for (int attempt = 1; ; attempt++)
        {
            var now = clock.GetUtcNow();
            var claimed = await store.ClaimAsync(new ClaimRequest(now, options.Lease, 1, [feed.Id]), cancellationToken);
            if (claimed.Count == 1) return await PushedAsync(feed, claimed[0], parsed, new RawResponse(topic, now, body, headers));
            if (attempt == PushClaimAttempts) return new PushReceipt(null, "another poller held the feed throughout; its polls will find the items");
            await Task.Delay(TimeSpan.FromSeconds(1), clock, cancellationToken);
        }
    }

    async Task<PushReceipt> PushedAsync(FeedDefinition feed, FeedState state, ParseResult parsed, RawResponse response)
    {
        var group = new PollGroup(store, clock, options);
        await group.StartAsync();
        if (!state.Seeded && !feed.Backfill)
        {
            await poller.PushedAsync(feed, state, parsed with { Items = [] }, response, group); // ends the claim, stores nothing
            return new PushReceipt(null, "the feed has not been seeded by a poll yet");
        }
        return new PushReceipt(await poller.PushedAsync(feed, state, parsed, response, group), null);
    }
}
