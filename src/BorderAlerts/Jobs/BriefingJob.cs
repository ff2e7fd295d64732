using BorderAlerts.Core.Briefings;
using Quartz;

namespace BorderAlerts.Jobs;

/// <summary>
/// One briefing's firing, on the cluster scheduler (one instance fires it; the store's run record makes sure of once).
/// The window ends at the firing's scheduled time, or at the late time a misfire fired it (one late brief, not many).
/// </summary>
[DisallowConcurrentExecution]
public sealed class BriefingJob(FileBriefings briefings, BriefingRunner runner, IHostApplicationLifetime lifetime, ILogger<BriefingJob> log)
    : PassJob(lifetime, log)
{
    public const string Group = "briefings";

    protected override async Task RunAsync(IJobExecutionContext context, CancellationToken stopping)
    {
        var id = context.JobDetail.Key.Name;
        if (briefings.Find(id) is not { Enabled: true } briefing)
        {
            log.LogWarning("Briefing {Briefing} fired but is no longer enabled in {Path}; not posted", id, briefings.Path);
            return;
        }
        var fireTime = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        await runner.RunAsync(briefing, fireTime, stopping);
    }
}
