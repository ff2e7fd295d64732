using BorderAlerts.Core.Items;
using BorderAlerts.Core.Parsing;
using BorderAlerts.Core.Rules.Matching;

namespace BorderAlerts.Core.Storage;

/// <summary>A feed's polling state as the store holds it.</summary>
public sealed record FeedState(string FeedId, string? ETag, string? LastModified, bool Seeded, int ConsecutiveFailures, DateTimeOffset NextPollAt)
{
    /// <summary>The lease this claim holds; the poll's outcome is recorded only while it is still ours.</summary>
    public long Lease { get; init; }
}

/// <summary>
/// Which feeds to lease: the due ones, or the named ones whether due or not. A claim's work grows with the number of
/// named feeds, so a pass over many names offers them a batch at a time (PollRunner), not all of them to every claim.
/// </summary>
public sealed record ClaimRequest(DateTimeOffset Now, TimeSpan Lease, int Max, IReadOnlyCollection<string>? FeedIds = null);

/// <summary>How a poll ended; <see cref="Pushed"/> is a body a WebSub hub delivered, which leaves the feed's schedule and validators alone.</summary>
public enum PollStatus { Fetched, NotModified, Failed, Pushed }

public static class PollStatusExtensions
{
    /// <summary>The outcome brought a body whose items are to be stored.</summary>
    public static bool CarriesItems(this PollStatus status) => status is PollStatus.Fetched or PollStatus.Pushed;
}

/// <summary>Everything one poll learned, written by the store in one transaction.</summary>
public sealed record PollCompletion(string FeedId, DateTimeOffset At, PollStatus Status, DateTimeOffset NextPollAt)
{
    public string? ETag { get; init; }
    public string? LastModified { get; init; }
    public string? Error { get; init; }
    public int? HttpStatus { get; init; }
    public string? Language { get; init; }
    public IReadOnlyList<CandidateItem> Items { get; init; } = [];
    /// <summary>The response, kept as evidence if it produced a new item.</summary>
    public RawResponse? Response { get; init; }
    /// <summary>New items may alert: false on a feed's first (seeding) poll unless it back-fills.</summary>
    public bool AlertOnNew { get; init; }
    public int? ItemsFound { get; init; }
    /// <summary>The claim's lease: health is written only if no other poller has taken the feed since.</summary>
    public long Lease { get; init; }
}

/// <summary>An item the store had not seen before this poll.</summary>
public sealed record StoredItem(long Id, string FeedId, ParsedItem Item, string? Language, bool Alertable);

/// <summary>An alert recorded in the same transaction as its item: one per item and matching rule.</summary>
public sealed record AlertRecord(long Id, StoredItem Item, RuleMatch Match);

public sealed record PollCommit(IReadOnlyList<StoredItem> NewItems, int Seen)
{
    public IReadOnlyList<AlertRecord> Alerts { get; init; } = [];
    /// <summary>Nothing was recorded: another poller holds the feed now (this poll overran its lease).</summary>
    public bool LeaseLost { get; init; }

    public static PollCommit Lost => new([], 0) { LeaseLost = true };
}

/// <summary>A source's health as shown by `feeds list` and used for admin notices.</summary>
public sealed record FeedHealth(string FeedId, string Url, bool Enabled, DateTimeOffset? LastSuccessAt, DateTimeOffset? LastAttemptAt,
    int ConsecutiveFailures, string? LastError, int? LastStatus, DateTimeOffset? LastNewItemAt, DateTimeOffset NextPollAt,
    int ItemsLast24h, int? LastItemsFound, long TotalItems)
{
    /// <summary>The usual time between polls that found something new (from recent history), if there is enough history.</summary>
    public TimeSpan? TypicalGap { get; init; }
}
