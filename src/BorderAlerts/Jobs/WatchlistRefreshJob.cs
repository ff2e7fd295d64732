using BorderAlerts.Core.Delivery;
using BorderAlerts.Core.Polling;
using Quartz;

namespace BorderAlerts.Jobs;

/// <summary>
/// Once a minute, on one instance of the cluster: refreshes the watchlists that are due and tells the admin
/// destination what changed, failed or recovered. Every instance's catalog picks the new copies up from the store.
/// </summary>
[DisallowConcurrentExecution]
public sealed class WatchlistRefreshJob(WatchlistRefresher refresher, DeliveryRunner delivery, IHostApplicationLifetime lifetime,
    ILogger<WatchlistRefreshJob> log) : PassJob(lifetime, log)
{
    protected override async Task RunAsync(IJobExecutionContext context, CancellationToken stopping)
    {
        foreach (var outcome in await refresher.RefreshDueAsync(stopping))
            foreach (var notice in outcome.Notices) await delivery.NotifyAdminAsync(notice);
    }
}
