using BorderAlerts.Core.Briefings;
using BorderAlerts.Core.Storage;
using Quartz;

namespace BorderAlerts.Jobs;

/// <summary>
/// Keeps the cluster scheduler's briefing jobs (group <see cref="BriefingJob.Group"/>, one per enabled briefing) in step
/// with briefings.yaml: looked at by every instance's admin refresh, acting only when the file's version moved on. A
/// trigger is replaced only when its cron or time zone changed, so the clustered store keeps its next fire time and its
/// misfires. A new trigger starts just after the briefing's last recorded firing: a firing missed while no instance ran
/// (or before the memory store of SQLite was built again) is then a misfire, and "fire once now" makes it one late brief.
/// </summary>
public sealed class BriefingSchedule(FileBriefings briefings, IBriefingRuns runs, [FromKeyedServices(ScheduledJobs.ClusterScheduler)] ISchedulerFactory factory,
    TimeProvider clock, ILogger<BriefingSchedule> log)
{
    int _applied;

    public async Task ApplyAsync(CancellationToken cancellationToken)
    {
        var wanted = briefings.Current.Where(b => b.Enabled).ToList();
        if (_applied == briefings.Version) return;
        var scheduler = await factory.GetScheduler(cancellationToken);
        var last = await runs.LastRunsAsync(cancellationToken);
        foreach (var key in await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(BriefingJob.Group), cancellationToken))
            if (wanted.All(b => b.Id != key.Name) && await scheduler.DeleteJob(key, cancellationToken))
                log.LogInformation("Briefing {Briefing} unscheduled", key.Name);
        foreach (var briefing in wanted)
        {
            if (await scheduler.GetTrigger(TriggerKeyOf(briefing.Id), cancellationToken) is ICronTrigger current
                && current.CronExpressionString == briefing.Cron && current.TimeZone.Id == briefing.TimeZone.Id) continue;
            var trigger = Trigger(briefing, last.GetValueOrDefault(briefing.Id)?.FireTime, clock.GetUtcNow());
            var job = JobBuilder.Create<BriefingJob>().WithIdentity(briefing.Id, BriefingJob.Group).WithDescription(briefing.Name).Build();
            await scheduler.ScheduleJob(job, [trigger], new ScheduleJobOptions { Replace = true }, cancellationToken);
            log.LogInformation("Briefing {Briefing} scheduled: {Cron} ({Zone}), next at {Next:u}", briefing.Id, briefing.Cron, briefing.TimeZone.Id,
                trigger.NextFireTimeUtc ?? trigger.GetFireTimeAfter(trigger.StartTimeUtc));
        }
        _applied = briefings.Version;
    }

    public static TriggerKey TriggerKeyOf(string briefingId) => new(briefingId, BriefingJob.Group);

    /// <summary>The briefing's cron trigger in its zone, misfire "fire once now", starting after its last firing (else now).</summary>
    public static ITrigger Trigger(BriefingDefinition briefing, DateTimeOffset? lastFire, DateTimeOffset now) => TriggerBuilder.Create()
        .WithIdentity(TriggerKeyOf(briefing.Id)).ForJob(briefing.Id, BriefingJob.Group)
        .StartAt(lastFire is { } fired && fired < now ? fired.AddSeconds(1) : now)
        .WithCronSchedule(briefing.Cron, cron => cron.InTimeZone(briefing.TimeZone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
        .Build();
}
