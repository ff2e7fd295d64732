using BorderAlerts.Core.Feeds;
using BorderAlerts.Core.Storage;

namespace BorderAlerts.Core.Polling;

public sealed class PollRunnerOptions
{
    /// <summary>Feeds polled at once across all hosts.</summary>
    public int Parallelism { get; set; } = 32;
    /// <summary>Feeds leased per claim; a pass claims again until nothing is due or the budget is spent.</summary>
    public int ClaimBatch { get; set; } = 256;
    /// <summary>How long a claim holds a feed; longer than any fetch can take, so only a dead poller's claims expire.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>Longest a scheduled pass keeps claiming before it yields to the next trigger.</summary>
    public TimeSpan PassBudget { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>Polls recorded in one transaction at most (group commit): a full claim's worth.</summary>
    public int GroupSize { get; set; } = 64;
    /// <summary>Longest a finished poll waits for others to share its transaction.</summary>
    public TimeSpan GroupDelay { get; set; } = TimeSpan.FromMilliseconds(300);
}

/// <summary>
/// One polling pass: claim due (or named) feeds and poll them with bounded parallelism, claiming again while a
/// backlog fills whole claims. Claims come from the store, not from one timer per feed, so the same pass scales across
/// instances (docs/architecture.md §3).
/// A cancelled pass stops claiming; feeds already claimed finish and are recorded.
/// </summary>
public sealed partial class PollRunner(IFeedCatalog catalog, IPollStore store, FeedPoller poller, TimeProvider clock, PollRunnerOptions options,
    IPushSources? pushed = null)
{
    int _syncedVersion;

    /// <param name="keepItems">False for scheduled and CLI passes: reports keep counts, not the stored items and alerts.</param>
    public async Task<PollSummary> RunDueAsync(CancellationToken stopping, bool keepItems = true) => await RunAsync(null, stopping, keepItems);

    /// <summary>Polls the named feeds now, due or not.</summary>
    public async Task<PollSummary> RunNowAsync(IReadOnlyCollection<string> feedIds, CancellationToken stopping, bool keepItems = true) =>
        await RunAsync(feedIds, stopping, keepItems);

    async Task<PollSummary> RunAsync(IReadOnlyCollection<string>? named, CancellationToken stopping, bool keepItems)
    {
        var feeds = await SyncAsync(stopping);
        var reports = new List<PollReport>();
        var started = clock.GetUtcNow();
        var unclaimed = named is null ? null : new Queue<string>(named.Distinct().Order(StringComparer.Ordinal));
        var group = new PollGroup(store, clock, options);
        while (!stopping.IsCancellationRequested)
        {
            // Claim no more than can start at once, so a claim's lease runs while its feed is actually being polled.
            var batch = Math.Min(options.ClaimBatch, options.Parallelism * 2);
            // Named feeds are offered a batch at a time, in id order: a claim costs the same at 40,000 named feeds as at 40.
            var offered = unclaimed is null ? null : Dequeue(unclaimed, batch);
            if (offered is { Count: 0 }) break;
            var claimed = await store.ClaimAsync(new ClaimRequest(clock.GetUtcNow(), options.Lease, batch, offered), stopping);
            await PollAllAsync(claimed, feeds, group, reports, keepItems);
            // Named feeds another poller holds are left to it, but the next batch may be free.
            if (offered is not null) continue;
            // A claim that was not full took everything then due: feeds falling due meanwhile wait for the next tick, which
            // may be another instance's. Claiming on would let a busy instance soak up the work of idle ones.
            if (claimed.Count < batch || clock.GetUtcNow() - started > options.PassBudget) break;
        }
        return new PollSummary(reports);
    }

    static List<string> Dequeue(Queue<string> queue, int count)
    {
        var taken = new List<string>(Math.Min(count, queue.Count));
        while (taken.Count < count && queue.TryDequeue(out var id)) taken.Add(id);
        return taken;
    }

    async Task<Dictionary<string, FeedDefinition>> SyncAsync(CancellationToken cancellationToken)
    {
        var (feeds, version) = catalog.Current();
        if (version != _syncedVersion)
        {
            await store.SyncFeedsAsync(feeds, clock.GetUtcNow(), cancellationToken);
            _syncedVersion = version;
        }
        return feeds.ToDictionary(f => f.Id);
    }

    async Task PollAllAsync(IReadOnlyList<FeedState> claimed, Dictionary<string, FeedDefinition> feeds, PollGroup group,
        List<PollReport> reports, bool keepItems)
    {
        // Claimed feeds are polled to the end even during shutdown; each fetch is bounded by its own timeout.
        await Task.WhenAll(claimed.Select(async state =>
        {
            if (!feeds.TryGetValue(state.FeedId, out var feed)) return;
            await group.StartAsync();
            try
            {
                var report = await poller.PollAsync(feed, state, group, CancellationToken.None);
                lock (reports) reports.Add(keepItems ? report : report.Slim());
                if (report.Status == PollStatus.Fetched && pushed is not null) await pushed.OfferAsync(feed, report.Push, CancellationToken.None);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The store could not record this poll (disk full, database busy): the lease expires and the feed is polled again.
                lock (reports) reports.Add(new PollReport(feed.Id, PollStatus.Failed, 0, 0, $"Store: {e.Message}", state.NextPollAt, []));
            }
        }));
    }
}
