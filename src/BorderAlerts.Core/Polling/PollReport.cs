using BorderAlerts.Core.Parsing;
using BorderAlerts.Core.Storage;

namespace BorderAlerts.Core.Polling;

/// <summary>What one feed's poll came to.</summary>
public sealed record PollReport(string FeedId, PollStatus Status, int ItemsFound, int NewItems, string? Error,
    DateTimeOffset NextPollAt, IReadOnlyList<StoredItem> Stored)
{
    public IReadOnlyList<AlertRecord> Alerts { get; init; } = [];
    public int AlertCount { get; init; }
    /// <summary>The WebSub hub and topic the fetched feed names, if it names both.</summary>
    public PushLinks? Push { get; init; }

    /// <summary>The counts without the items: what a long scheduled pass keeps, so its memory does not grow with what it stored.</summary>
    public PollReport Slim() => this with { Stored = [], Alerts = [], AlertCount = Alerts.Count };
}

/// <summary>A pass over several feeds; `poll --json` prints these counts.</summary>
public sealed record PollSummary(IReadOnlyList<PollReport> Reports)
{
    public int Feeds => Reports.Count;
    public int Fetched => Reports.Count(r => r.Status == PollStatus.Fetched);
    public int NotModified => Reports.Count(r => r.Status == PollStatus.NotModified);
    public int Failed => Reports.Count(r => r.Status == PollStatus.Failed);
    public int NewItems => Reports.Sum(r => r.NewItems);
    public int Alerts => Reports.Sum(r => Math.Max(r.AlertCount, r.Alerts.Count));
}
