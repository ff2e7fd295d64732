using BorderAlerts.Core.Delivery;
using Quartz;

namespace BorderAlerts.Jobs;

/// <summary>Delivers what the outbox holds that is due, on every instance; <see cref="DeliveryPacing"/> says when it claims.</summary>
[DisallowConcurrentExecution]
public sealed class DeliveryPassJob(DeliveryRunner runner, DeliveryPacing pacing, TimeProvider clock, IHostApplicationLifetime lifetime,
    ILogger<DeliveryPassJob> log) : PassJob(lifetime, log)
{
    protected override async Task RunAsync(IJobExecutionContext context, CancellationToken stopping)
    {
        var started = clock.GetUtcNow();
        if (!pacing.Due(started)) return;
        pacing.Passed(await runner.RunAsync(stopping) > 0, started);
    }
}
