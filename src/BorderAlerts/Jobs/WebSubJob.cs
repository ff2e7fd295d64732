using BorderAlerts.Core.WebSub;
using Quartz;

namespace BorderAlerts.Jobs;

/// <summary>Once a minute, on one instance of the cluster: the WebSub subscriptions' due steps (subscribe, renew, retry, end).</summary>
[DisallowConcurrentExecution]
public sealed class WebSubJob(WebSubSubscriber subscriber, IHostApplicationLifetime lifetime, ILogger<WebSubJob> log) : PassJob(lifetime, log)
{
    protected override Task RunAsync(IJobExecutionContext context, CancellationToken stopping) => subscriber.MaintainAsync(stopping);
}
