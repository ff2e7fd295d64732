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
        await runner.RunAsync(briefing, FireTimeOf(context), stopping);
    }

    /// <summary>
    /// The firing's scheduled time, in the store's milliseconds; for a misfire (fired later than the threshold, "fire once
    /// now") the time it fired, so the one late brief covers the window up to then.
    /// </summary>
    public static DateTimeOffset FireTimeOf(IJobExecutionContext context)
    {
        var scheduled = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        var time = context.FireTimeUtc - scheduled > BriefingSchedule.MisfireThreshold ? context.FireTimeUtc : scheduled;
        return DateTimeOffset.FromUnixTimeMilliseconds(time.ToUnixTimeMilliseconds());
    }
}
