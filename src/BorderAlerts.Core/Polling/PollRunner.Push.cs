using BorderAlerts.Core.Feeds;
using BorderAlerts.Core.Items;
using BorderAlerts.Core.Parsing;
using BorderAlerts.Core.Storage;

namespace BorderAlerts.Core.Polling;

/// <summary>What came of a body a hub pushed: the poll-like report of what it stored, or why nothing was.</summary>
/// <param name="Busy">Another poller holds the feed now: the push can be stored once its claim ends.</param>
public sealed record PushReceipt(PollReport? Report, string? Dropped, bool Busy = false);

/// <summary>A pushed body read and ready for the pipeline: its feed, its items, the evidence it leaves.</summary>
public sealed record PreparedPush(FeedDefinition Feed, ParseResult Parsed, RawResponse Response);

public sealed partial class PollRunner
{
    /// <summary>
    /// Reads a body a WebSub hub pushed for a feed, before anything is claimed: a body that is not a feed costs nothing
    /// and is never recorded on the feed's health. Null, with why, when there is nothing to store.
    /// </summary>
    /// <param name="topic">The address the hub pushes for, the base of the body's relative links (as the fetched address is a poll's).</param>
    public (PreparedPush? Push, string? Dropped) PreparePush(string feedId, Uri topic, byte[] body, string? contentType,
        IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        var feed = catalog.Current().Feeds.FirstOrDefault(f => f.Id == feedId && f.Enabled);
        if (feed is null) return (null, "the feed is no longer polled");
        var now = clock.GetUtcNow();
        var parsed = FeedParser.Parse(body, contentType, new ParseContext(feed, topic, now));
        if (!parsed.Ok) return (null, $"not a feed: {parsed.Error} (encoding {parsed.EncodingName})");
        return (new PreparedPush(feed, parsed, new RawResponse(topic, now, body, headers)), null);
    }

    /// <summary>
    /// Runs a prepared push through the same pipeline as a poll's (the feed's claim, identity, rules, stories, outbox), if
    /// no other poller holds the feed now (else <see cref="PushReceipt.Busy"/>). A feed no poll has seeded yet is left to
    /// its first poll, which would otherwise alert on the items the push did not list.
    /// </summary>
    public async Task<PushReceipt> StorePushAsync(PreparedPush push, CancellationToken cancellationToken)
    {
        var claimed = await store.ClaimAsync(new ClaimRequest(clock.GetUtcNow(), options.Lease, 1, [push.Feed.Id]), cancellationToken);
        if (claimed.Count == 0) return new PushReceipt(null, "another poller holds the feed", Busy: true);
        return await PushedAsync(push.Feed, claimed[0], push.Parsed, push.Response);
    }

    /// <summary>How long a push waits at most for a poller's claim to end: a claim lasts no longer than its lease.</summary>
    public TimeSpan PushPatience => options.Lease;

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
