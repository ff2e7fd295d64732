using BorderAlerts.Core.Storage;
using Quartz;

namespace BorderAlerts.Jobs;

/// <summary>Keeps this instance's row in the instances table fresh (IInstanceHeartbeats.Every).</summary>
[DisallowConcurrentExecution]
public sealed class HeartbeatJob(IInstanceHeartbeats heartbeats, ThisInstance instance, TimeProvider clock, IHostApplicationLifetime lifetime,
    ILogger<HeartbeatJob> log) : PassJob(lifetime, log)
{
    protected override Task RunAsync(IJobExecutionContext context, CancellationToken stopping) =>
        heartbeats.BeatAsync(instance.Id, instance.StartedAt, clock.GetUtcNow(), stopping);
}
