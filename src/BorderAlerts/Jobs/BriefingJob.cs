using System.Globalization;
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
        await runner.RunAsync(briefing, FireTimeOf(context), stopping, context.Recovering);
    }

    /// <summary>
    /// The firing's scheduled time, in the store's milliseconds; for a misfire (fired later than the threshold, "fire once
    /// now") the time it fired, so the one late brief covers the window up to then. A recovery (the instance running the
    /// firing died) has the times of the firing it recovers, so it takes over that firing's run.
    /// </summary>
    public static DateTimeOffset FireTimeOf(IJobExecutionContext context)
    {
        var (fired, scheduled) = context.Recovering && Original(context, SchedulerConstants.FailedJobOriginalTriggerFireTime) is { } original
            ? (original, Original(context, SchedulerConstants.FailedJobOriginalTriggerScheduledFireTime) ?? original)
            : (context.FireTimeUtc, context.ScheduledFireTimeUtc ?? context.FireTimeUtc);
        var time = fired - scheduled > BriefingSchedule.MisfireThreshold ? fired : scheduled;
        return DateTimeOffset.FromUnixTimeMilliseconds(time.ToUnixTimeMilliseconds());
    }

    /// <summary>A time a recovery trigger carries: a time, or text as the job store wrote it (a time, or Unix milliseconds).</summary>
    static DateTimeOffset? Original(IJobExecutionContext context, string key) => context.Trigger.JobDataMap.TryGetValue(key, out var value) ? value switch
    {
        DateTimeOffset time => time,
        string text when long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms),
        string text when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) => time,
        _ => null,
    } : null;
}
