using BorderAlerts.Settings;
using BorderAlerts.Core.Polling;
using BorderAlerts.Core.Storage;
using Microsoft.Extensions.Options;

namespace BorderAlerts.Jobs;

/// <summary>
/// Polls whatever is due, every Polling:TickSeconds. One loop for all feeds, not one timer per feed: claiming due rows
/// scales with the database (docs/architecture.md §3). A pass first picks up rule and feed changes another instance made
/// from chat, at most every <see cref="AdminRefresh"/> (each look is a database transaction, and changes made on this
/// instance apply here at once), and wakes this instance's delivery loop when it queued alerts.
/// </summary>
public sealed class PollLoop(PollRunner runner, Commands.AdminWriter admin, DeliveryWakeup delivery, IOptions<PollingSettings> settings, TimeProvider clock,
    ILogger<PollLoop> log) : PassLoop(TimeSpan.FromSeconds(settings.Value.TickSeconds is > 0 and var s ? s : 5), clock, log)
{
    public static readonly TimeSpan AdminRefresh = TimeSpan.FromSeconds(15);

    DateTimeOffset _adminRefreshed = DateTimeOffset.MinValue;

    protected override async Task RunPassAsync(CancellationToken stopping)
    {
        if (Clock.GetUtcNow() - _adminRefreshed >= AdminRefresh)
        {
            await admin.RefreshAsync(stopping);
            _adminRefreshed = Clock.GetUtcNow();
        }
        var summary = await runner.RunDueAsync(stopping, keepItems: false);
        if (summary.Feeds == 0) return;
        if (summary.Alerts > 0) delivery.Ring();
        foreach (var failed in summary.Reports.Where(r => r.Status == PollStatus.Failed))
            log.LogWarning("Feed {Feed} failed: {Error}; next try {Next:u}", failed.FeedId, failed.Error, failed.NextPollAt);
        log.LogInformation("Polled {Feeds} feeds: {Fetched} fetched, {NotModified} not modified, {Failed} failed, {New} new items",
            summary.Feeds, summary.Fetched, summary.NotModified, summary.Failed, summary.NewItems);
    }
}
