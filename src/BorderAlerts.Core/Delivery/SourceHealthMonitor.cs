using BorderAlerts.Core.Feeds;
using BorderAlerts.Core.Storage;

namespace BorderAlerts.Core.Delivery;

/// <summary>
/// Tells the admin destination when a source needs a human: failing for longer than a threshold (at once for a
/// permanent error, 404 or 410), blocked (401/403/429/503
/// streaks), a list page whose selector suddenly finds nothing (layout changed?), silence beyond three times its usual
/// gap, and recovery. Each condition is reported once when it starts and once when it ends; which are open is kept in
/// the store (<see cref="ISourceConditions"/>), so a restart or the job moving to another instance repeats nothing.
/// </summary>
public sealed class SourceHealthMonitor(IFeedHealthReader health, IFeedCatalog catalog, ISourceConditions conditions, TimeProvider clock)
{
    public static readonly TimeSpan FailingAfter = TimeSpan.FromHours(2);
    const int BlockedStreak = 3;

    public async Task<IReadOnlyList<string>> CheckAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var feeds = catalog.Current().Feeds.Where(f => f.Enabled).ToDictionary(f => f.Id);
        var open = await conditions.ListOpenAsync(cancellationToken);
        var notices = new List<string>();
        foreach (var h in await health.ListHealthAsync(now, cancellationToken))
        {
            if (!feeds.TryGetValue(h.FeedId, out var feed)) continue;
            foreach (var (name, active, start, end) in Conditions(feed, h, now))
            {
                // Only a change is written, and only the monitor whose write changed the row tells it.
                var condition = new SourceCondition(h.FeedId, name);
                if (active && !open.Contains(condition) && await conditions.TryOpenAsync(condition, now, cancellationToken)) notices.Add(start());
                else if (!active && open.Contains(condition) && await conditions.TryCloseAsync(condition, cancellationToken)) notices.Add(end);
            }
        }
        return notices;
    }

    /// <summary>Each condition of a source: its name in the store, whether it holds now, its start notice and its end notice.</summary>
    static IEnumerable<(string Name, bool Active, Func<string> Start, string End)> Conditions(FeedDefinition feed, FeedHealth h, DateTimeOffset now)
    {
        yield return ("failing", Failing(h, now),
            () => IsPermanent(h)
                ? $"Source '{h.FeedId}' answers HTTP {h.LastStatus} ({(h.LastStatus == 404 ? "not found" : "gone")}): a permanent error, retries will not fix it; check its address. {h.LastError}"
                : $"Source '{h.FeedId}' has been failing since {Since(h.LastSuccessAt)} ({h.ConsecutiveFailures} failures): {h.LastError}",
            $"Source '{h.FeedId}' recovered after failing.");
        yield return ("blocked", h.ConsecutiveFailures >= BlockedStreak && h.LastStatus is 401 or 403 or 429 or 503,
            () => $"Source '{h.FeedId}' is refusing us (HTTP {h.LastStatus}, {h.ConsecutiveFailures} times in a row): blocked or rate-limited? Polling backs off; it never stops.",
            $"Source '{h.FeedId}' accepts our requests again.");
        yield return ("empty", SelectorFoundNothing(feed, h),
            () => $"Source '{h.FeedId}' returned 0 items where its selector used to find some: has the page layout changed?",
            $"Source '{h.FeedId}' finds items again.");
        yield return ("silent", Silent(h, now),
            () => $"Source '{h.FeedId}' has had no new item since {Since(h.LastNewItemAt)}, more than three times its usual gap of {Format(h.TypicalGap!.Value)}.",
            $"Source '{h.FeedId}' has new items again.");
    }

    /// <summary>A transient failure waits <see cref="FailingAfter"/>; a permanent one (404, 410) is told at once.</summary>
    static bool Failing(FeedHealth h, DateTimeOffset now) =>
        h.ConsecutiveFailures > 0 && (IsPermanent(h) || (h.LastSuccessAt is { } ok ? now - ok > FailingAfter : h.ConsecutiveFailures >= BlockedStreak));

    static bool IsPermanent(FeedHealth h) => h.ConsecutiveFailures > 0 && h.LastStatus is 404 or 410;

    /// <summary>An html or json list page polled without error whose selector matched no item on the last poll, though it found items before
    /// (it has sightings), so the answer survives a restart.</summary>
    public static bool SelectorFoundNothing(FeedDefinition feed, FeedHealth h) =>
        feed.Type != FeedType.Feed && h.ConsecutiveFailures == 0 && h.LastItemsFound == 0 && h.TotalItems > 0;

    static bool Silent(FeedHealth h, DateTimeOffset now) =>
        h.ConsecutiveFailures == 0 && h.TypicalGap is { } gap && gap > TimeSpan.Zero && h.LastNewItemAt is { } last && now - last > 3 * gap;

    static string Since(DateTimeOffset? at) => at is { } t ? $"{t.UtcDateTime:yyyy-MM-dd HH:mm} UTC" : "it was added";

    static string Format(TimeSpan gap) => gap.TotalHours >= 1 ? $"{gap.TotalHours:0.#} h" : $"{gap.TotalMinutes:0} min";
}
