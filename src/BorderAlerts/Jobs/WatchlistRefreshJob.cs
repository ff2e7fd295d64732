using BorderAlerts.Core.Delivery;
using BorderAlerts.Core.Polling;
using BorderAlerts.Core.Rules;
using Quartz;

namespace BorderAlerts.Jobs;

/// <summary>
/// Once a minute, on one instance of the cluster: refreshes the watchlists that are due, tells the admin destination
/// what changed, failed or recovered, and the destinations of the rules naming a list its new designations. Every instance's catalog picks the new copies up from the store.
/// </summary>
[DisallowConcurrentExecution]
public sealed class WatchlistRefreshJob(WatchlistRefresher refresher, DeliveryRunner delivery, IRuleSource rules, IDestinations destinations,
    IHostApplicationLifetime lifetime, ILogger<WatchlistRefreshJob> log) : PassJob(lifetime, log)
{
    protected override async Task RunAsync(IJobExecutionContext context, CancellationToken stopping)
    {
        foreach (var outcome in await refresher.RefreshDueAsync(stopping))
            await DesignationNews.TellAsync(outcome, rules.Current, delivery, destinations.AdminDestination);
    }
}
