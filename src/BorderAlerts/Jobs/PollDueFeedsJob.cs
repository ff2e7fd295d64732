using BorderAlerts.Core.Polling;
using BorderAlerts.Core.Storage;
using Quartz;

namespace BorderAlerts.Jobs;

/// <summary>
/// Fires every few seconds and polls whatever is due. One job for all feeds, not one trigger per feed: claiming due
/// rows scales with the database, Quartz triggers do not (design section 3). Each pass first picks up rule and feed
/// changes another instance made from chat.
/// </summary>
[DisallowConcurrentExecution]
public sealed class PollDueFeedsJob(PollRunner runner, Commands.AdminWriter admin, ILogger<PollDueFeedsJob> log) : IJob
{
    public static readonly JobKey Key = new("poll-due-feeds", "borderalerts");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await admin.RefreshAsync(cancellationToken);
        var summary = await runner.RunDueAsync(cancellationToken, keepItems: false);
        if (summary.Feeds == 0) return;
        foreach (var failed in summary.Reports.Where(r => r.Status == PollStatus.Failed))
            log.LogWarning("Feed {Feed} failed: {Error}; next try {Next:u}", failed.FeedId, failed.Error, failed.NextPollAt);
        log.LogInformation("Polled {Feeds} feeds: {Fetched} fetched, {NotModified} not modified, {Failed} failed, {New} new items",
            summary.Feeds, summary.Fetched, summary.NotModified, summary.Failed, summary.NewItems);
    }
}
