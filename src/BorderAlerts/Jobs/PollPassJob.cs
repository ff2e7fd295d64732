using BorderAlerts.Core.Polling;
using BorderAlerts.Core.Storage;
using Quartz;

namespace BorderAlerts.Jobs;

/// <summary>
/// Polls whatever is due, every Polling:TickSeconds, on every instance: one job for all feeds, not one trigger per
/// feed, because claiming due rows scales with the database (docs/architecture.md §3). When the pass queued alerts it
/// starts this instance's delivery pass at once.
/// </summary>
[DisallowConcurrentExecution]
public sealed class PollPassJob(PollRunner runner, DeliveryPacing delivery, TimeProvider clock, IHostApplicationLifetime lifetime,
    ILogger<PollPassJob> log) : PassJob(lifetime, log)
{
    protected override async Task RunAsync(IJobExecutionContext context, CancellationToken stopping)
    {
        // Each claim takes due ÷ live instances, so an instance whose tick always follows the longest quiet spell takes
        // more than its share. Starting each pass at a random point of the first 40 % of the tick moves the ticks about
        // (as the loops' ±20 % did, ADR 0005), so the shares even out. A pass asked for by hand starts at once.
        if (context.Trigger is ISimpleTrigger { RepeatInterval: var tick } && tick > TimeSpan.Zero)
            await Task.Delay(tick * (0.4 * Random.Shared.NextDouble()), clock, stopping);
        var summary = await runner.RunDueAsync(stopping, keepItems: false);
        if (summary.Feeds == 0) return;
        if (summary.Alerts > 0)
        {
            delivery.Ring();
            await context.Scheduler.TriggerJob(ScheduledJobs.Deliver.Key, CancellationToken.None);
        }
        foreach (var failed in summary.Reports.Where(r => r.Status == PollStatus.Failed))
            log.LogWarning("Feed {Feed} failed: {Error}; next try {Next:u}", failed.FeedId, failed.Error, failed.NextPollAt);
        log.LogInformation("Polled {Feeds} feeds: {Fetched} fetched, {NotModified} not modified, {Failed} failed, {New} new items",
            summary.Feeds, summary.Fetched, summary.NotModified, summary.Failed, summary.NewItems);
    }
}
