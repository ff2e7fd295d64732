using BorderAlerts.Core.Delivery;
using Quartz;

namespace BorderAlerts.Jobs;

/// <summary>Once a minute: sources that need a human are reported to the admin destination, and so is their recovery.</summary>
[DisallowConcurrentExecution]
public sealed class SourceHealthJob(SourceHealthMonitor monitor, DeliveryRunner delivery) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        foreach (var notice in await monitor.CheckAsync(cancellationToken)) await delivery.NotifyAdminAsync(notice);
    }
}
