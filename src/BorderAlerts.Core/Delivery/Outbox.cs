using BorderAlerts.Core.Rules;
using BorderAlerts.Core.Rules.Matching;

namespace BorderAlerts.Core.Delivery;

public enum DeliveryKind { Card, Reply }

/// <summary>An alert as the outbox holds it: everything a card needs, read back from the store.</summary>
public sealed record AlertSnapshot(long AlertId, string FeedId, string Title, Uri? Url, string Text, string? Language,
    DateTimeOffset? Published, string RuleId, string RuleName, Severity Severity, IReadOnlyList<MatchedTerm> Terms)
{
    /// <summary>The other rules the item matched, highest severity first: its card names them all.</summary>
    public IReadOnlyList<AlsoMatchedRule> AlsoMatched { get; init; } = [];

    /// <summary>Where the item stands in its story when the card is built; null for an item filed in no story.</summary>
    public StoryStanding? Story { get; init; }

    /// <summary>The stored item (its translations are kept under it); 0 where a test builds an alert by hand.</summary>
    public long ItemId { get; init; }

    /// <summary>When the item was first seen: alert latency counts from here.</summary>
    public DateTimeOffset? FirstSeen { get; init; }
}

/// <summary>Another rule an alert's item matched, with its severity.</summary>
public sealed record AlsoMatchedRule(string Id, Severity Severity)
{
    public override string ToString() => $"{Id} ({Severity.ToString().ToLowerInvariant()})";
}

/// <summary>
/// An alert's story as the store knows it: whether its item is the story's first report, and how many outlets (feeds
/// that carried one of the story's alerting items) have reported the story so far, this one included.
/// </summary>
public sealed record StoryStanding(bool FirstReport, int Outlets)
{
    /// <summary>"First report of this story", "… · 2 more outlets since", or "Not the first report · 3 outlets so far".</summary>
    public string Describe() => (FirstReport, Outlets) switch
    {
        (true, <= 1) => "First report of this story",
        (true, var n) => $"First report of this story · {n - 1} more {Outlet(n - 1)} since",
        (false, var n) => $"Not the first report · {n} {Outlet(n)} so far",
    };

    static string Outlet(int n) => n == 1 ? "outlet" : "outlets";
}

/// <summary>
/// One delivery of one alert to one destination. A story's first alert at a destination is a card; later alerts of
/// the same story are replies in its thread, sent once the card's message id is known.
/// </summary>
public sealed record OutboxEntry(long Id, string Destination, DeliveryKind Kind, int Attempts, AlertSnapshot Alert,
    string? ParentMessageId = null, string? ParentThreadId = null);

public enum DeliveryState { Sent, Retry, Dead }

/// <summary>What became of some deliveries: sent (with the platform's ids), to retry at a time, or dead-lettered.</summary>
public sealed record DeliveryRecord(IReadOnlyList<long> Ids, DeliveryState State, DateTimeOffset At)
{
    public string? MessageId { get; init; }
    public string? ThreadId { get; init; }
    /// <summary>Sent in a busy rule's digest (the alerts page marks it).</summary>
    public bool Digest { get; init; }
    public DateTimeOffset? NextAttempt { get; init; }
    public string? Error { get; init; }
    /// <summary>False for waits the platform asked for (429): they do not count towards dead-lettering.</summary>
    public bool CountsAsAttempt { get; init; } = true;
}

/// <summary>The outbox: alert deliveries written with their items, claimed with a lease by the delivery job.</summary>
public interface IOutboxStore
{
    /// <summary>Leases due deliveries, oldest first; replies only once their card has been sent.</summary>
    Task<IReadOnlyList<OutboxEntry>> ClaimAsync(DateTimeOffset now, int max, TimeSpan lease, CancellationToken cancellationToken);

    Task RecordAsync(DeliveryRecord record, CancellationToken cancellationToken);

    /// <summary>How many deliveries wait (pending, due or not) and since when the oldest of them has.</summary>
    Task<OutboxStats> StatsAsync(CancellationToken cancellationToken);
}

public sealed record OutboxStats(long Pending, DateTimeOffset? OldestCreatedAt);

/// <summary>What one message to a chat destination carries.</summary>
public abstract record ChatMessage
{
    public sealed record Cards(IReadOnlyList<AlertCard> Items) : ChatMessage;
    public sealed record Reply(AlertCard Card, string ParentMessageId, string? ThreadId) : ChatMessage;
    public sealed record Digest(string RuleName, IReadOnlyList<AlertCard> Items, string Note) : ChatMessage;
    public sealed record Notice(string Text) : ChatMessage;
    /// <summary>A report posted on a schedule (a briefing): sections of linked lines, and a chart attached where the platform takes files.</summary>
    public sealed record Report(ChatReport Content) : ChatMessage;
}

/// <summary>A destination that can be posted to. One per configured destination; platforms live in the host.</summary>
public interface IChatSink
{
    /// <summary>Cards that fit in one message (Discord: 10 embeds).</summary>
    int MaxCardsPerMessage { get; }

    Task<DeliveryOutcome> SendAsync(ChatMessage message, CancellationToken cancellationToken);
}

/// <summary>The configured destinations by name.</summary>
public interface IDestinations
{
    IChatSink? Find(string name);

    /// <summary>Where operational notices go (failing sources, dead letters), if anywhere.</summary>
    string? AdminDestination { get; }
}

/// <summary>Rules and destinations an admin silenced for a while (`/mute`).</summary>
public interface IMutes
{
    DateTimeOffset? MutedUntil(string target, DateTimeOffset now);
}
