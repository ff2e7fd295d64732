using BorderAlerts.Core.Delivery;
using Quartz;

namespace BorderAlerts.Jobs;

/// <summary>Fires every couple of seconds and delivers what the outbox holds that is due.</summary>
[DisallowConcurrentExecution]
public sealed class DeliverAlertsJob(DeliveryRunner runner) : IJob
{
    public static readonly JobKey Key = new("deliver-alerts", "borderalerts");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await runner.RunAsync(cancellationToken);
}
