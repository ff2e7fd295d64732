using BorderAlerts.Core.Feeds;
using BorderAlerts.Core.Fetching;
using BorderAlerts.Core.Items;
using BorderAlerts.Core.Parsing;
using BorderAlerts.Core.Rules;
using BorderAlerts.Core.Delivery;
using BorderAlerts.Core.Rules.Matching;
using BorderAlerts.Core.Storage;
using BorderAlerts.Core.Stories;

namespace BorderAlerts.Core.Polling;

/// <summary>
/// The one class that knows the order of the stages for a feed: fetch, decode and parse, identify, then in the store's
/// transaction (the pass's group commit): triage keeps what is new or promoted (<see cref="PollTriage"/>), the rules
/// run on that alone, and items, their alerts and the alerts' deliveries (the outbox) are written together.
/// Every outcome, good or bad, ends on the feed's health record; nothing is thrown for an expected failure. A rule an
/// admin muted matches nothing until the mute ends, so it neither alerts nor takes a card from another rule.
/// </summary>
public sealed class FeedPoller(IFeedFetcher fetcher, IRuleSource rules, TimeProvider clock, Backoff backoff, IMutes? mutes = null,
    PublishingRhythm? rhythm = null, IPublishingHistory? history = null, IPushSources? pushed = null)
{
    readonly PublishingRhythm _rhythm = rhythm ?? new PublishingRhythm();

    /// <param name="group">The pass's group commit, which records the outcome together with its neighbours'.</param>
    public async Task<PollReport> PollAsync(FeedDefinition feed, FeedState state, PollGroup group, CancellationToken cancellationToken)
    {
        PollCompletion completion;
        PushLinks? push = null;
        try
        {
            var fetch = await fetcher.FetchAsync(new FetchRequest(feed.Url, state.ETag, state.LastModified, feed.Untrusted), cancellationToken);
            var now = clock.GetUtcNow();
            var rhythm = fetch is FetchResult.Failed ? null : await RhythmAsync(feed, state, cancellationToken);
            completion = fetch switch
            {
                FetchResult.Fetched body => Parsed(feed, state, body, now, out push),
                FetchResult.NotModified unchanged => new PollCompletion(feed.Id, now, PollStatus.NotModified,
                    Slowed(feed, now, backoff.NextAfterSuccess(feed, now, rhythm, PublishingRhythm.MaxAge(unchanged.Headers ?? [])))),
                FetchResult.Failed failed => Failure(feed, state, now, $"{failed.Kind}: {failed.Message}", failed.Status, failed.RetryAfter),
                _ => throw new InvalidOperationException($"unknown fetch result {fetch.GetType().Name}"),
            };
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A bug in a stage must not kill the pass or leave the feed silently leased: it is recorded like any failure.
            completion = Failure(feed, state, clock.GetUtcNow(), $"Internal: {e.GetType().Name}: {e.Message}", null, null);
        }
        if (feed.Auto is not null && completion.Status != PollStatus.Failed) _rhythm.Scheduled(feed.Id, completion.NextPollAt);
        // The fetch may be cancelled by shutdown; the write that records it must not be, or its lease would be lost.
        var commit = await group.CompleteAsync(completion with { Lease = state.Lease });
        return new PollReport(feed.Id, completion.Status, completion.ItemsFound ?? 0, commit.NewItems.Count,
            completion.Error, completion.NextPollAt, commit.NewItems) { Alerts = commit.Alerts, Push = push };
    }

    /// <summary>
    /// A body a WebSub hub pushed, read already, through the stages a fetched body goes through (identity, triage, rules,
    /// stories, outbox) under the claim <paramref name="state"/> holds; the feed's schedule and validators are left alone.
    /// </summary>
    public async Task<PollReport> PushedAsync(FeedDefinition feed, FeedState state, ParseResult parsed, RawResponse response, PollGroup group)
    {
        var now = clock.GetUtcNow();
        var set = rules.Current;
        var completion = new PollCompletion(feed.Id, now, PollStatus.Pushed, state.NextPollAt)
        {
            Language = feed.Language,
            Items = parsed.Items.Select(item => Candidate(feed, item, set, now)).ToList(),
            Response = response,
            AlertOnNew = state.Seeded || feed.Backfill,
            ItemsFound = parsed.Items.Count,
            Lease = state.Lease,
        };
        var commit = await group.CompleteAsync(completion);
        return new PollReport(feed.Id, PollStatus.Pushed, parsed.Items.Count, commit.NewItems.Count, null, state.NextPollAt, commit.NewItems)
        { Alerts = commit.Alerts };
    }

    /// <summary>A feed a hub pushes is polled no sooner than the safety interval.</summary>
    DateTimeOffset Slowed(FeedDefinition feed, DateTimeOffset now, DateTimeOffset next) =>
        pushed is not null && pushed.Covers(feed.Id, now) && next < now + pushed.SafetyInterval ? now + pushed.SafetyInterval : next;

    /// <summary>
    /// What an auto feed learns from before its answer is read: what this process remembers of it if it made the last
    /// poll, else (after a restart, or another instance's poll; never on a source's first poll) the publication times and
    /// first sightings the store kept, remembered from then on. A 304 learns from these alone; a body adds its listing.
    /// </summary>
    async Task<IReadOnlyList<DateTimeOffset>?> RhythmAsync(FeedDefinition feed, FeedState state, CancellationToken cancellationToken)
    {
        if (feed.Auto is null) return null;
        if (_rhythm.Remembered(feed.Id, history is null ? null : state.NextPollAt) is { } remembered) return remembered;
        if (history is null || !state.Seeded) return null;
        return _rhythm.Stored(feed.Id, await history.RecentAsync(feed.Id, PublishingRhythm.Kept, cancellationToken));
    }

    IReadOnlyList<RuleMatch> Unmuted(IReadOnlyList<RuleMatch> matches, DateTimeOffset now) =>
        mutes is null || matches.Count == 0 ? matches : matches.Where(m => mutes.MutedUntil(m.RuleId, now) is null).ToList();

    PollCompletion Parsed(FeedDefinition feed, FeedState state, FetchResult.Fetched body, DateTimeOffset now, out PushLinks? push)
    {
        var parsed = FeedParser.Parse(body.Body, body.ContentType, new ParseContext(feed, body.FinalUrl, now));
        push = null;
        if (!parsed.Ok) return Failure(feed, state, now, $"Parse: {parsed.Error} (encoding {parsed.EncodingName})", body.Status, null);
        push = PushLinks.Find(body.Headers, parsed.Push, body.FinalUrl);
        var set = rules.Current;
        var candidates = parsed.Items.Select(item => Candidate(feed, item, set, now)).ToList();
        var published = feed.Auto is null ? null : _rhythm.Listed(feed.Id, parsed.Items.Select(i => i.Published).OfType<DateTimeOffset>(),
            candidates.Where(c => c.Item.Published is null).Select(c => c.Keys[0]), now);
        var next = Slowed(feed, now, backoff.NextAfterSuccess(feed, now, published, PublishingRhythm.MaxAge(body.Headers)));
        return new PollCompletion(feed.Id, now, PollStatus.Fetched, next)
        {
            ETag = body.ETag,
            LastModified = body.LastModified,
            HttpStatus = body.Status,
            Language = feed.Language,
            Items = candidates,
            Response = new RawResponse(body.FinalUrl, now, body.Body, body.Headers),
            AlertOnNew = state.Seeded || feed.Backfill,
            ItemsFound = parsed.Items.Count,
        };
    }

    /// <summary>
    /// An item with its identity; its rules run only if the store's triage finds it could alert, and one that matched is
    /// also fingerprinted for story grouping.
    /// </summary>
    CandidateItem Candidate(FeedDefinition feed, ParsedItem item, RuleSet set, DateTimeOffset now)
    {
        var matches = new Lazy<IReadOnlyList<RuleMatch>>(() => Unmuted(set.Matcher.Match(new MatchInput(item.Title, item.Text, feed.Language, feed.Id)), now));
        return new CandidateItem(item, ItemIdentity.Keys(item, feed.Url), ItemIdentity.ContentHash(item.Title, item.Text))
        {
            MatchOnDemand = () => matches.Value,
            Story = new Lazy<StoryPlacement>(() =>
                StoryPlacement.Of(feed.Id, feed.Language, item.Title, item.Text, item.Published ?? now, set.Tagger.Tag(item.Title, item.Text), set.StoryConcepts)),
        };
    }

    PollCompletion Failure(FeedDefinition feed, FeedState state, DateTimeOffset now, string error, int? status, TimeSpan? retryAfter)
    {
        var next = backoff.NextAfterFailure(feed, now, state.ConsecutiveFailures + 1, retryAfter);
        return new PollCompletion(feed.Id, now, PollStatus.Failed, next) { Error = error, HttpStatus = status };
    }
}
