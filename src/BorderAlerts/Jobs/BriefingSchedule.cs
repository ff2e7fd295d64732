using BorderAlerts.Core.Briefings;
using BorderAlerts.Core.Storage;
using Quartz;

namespace BorderAlerts.Jobs;

/// <summary>
/// Keeps the cluster scheduler's briefing jobs (group <see cref="BriefingJob.Group"/>, one per enabled briefing) in step
/// with briefings.yaml: looked at by every instance's admin refresh, acting only when the file's version moved on. A
/// trigger is replaced only when its cron or time zone changed, so the clustered store keeps its next fire time and
/// Quartz's misfire policy ("fire once now") makes firings missed while no instance ran one late brief. A trigger made
/// anew (always, on SQLite's in-memory store after a restart) computes from now, so when the store's last run shows a
/// firing was missed since, a one-off trigger fires the briefing once now: the same one late brief.
/// </summary>
public sealed class BriefingSchedule(FileBriefings briefings, IBriefingRuns runs, [FromKeyedServices(ScheduledJobs.ClusterScheduler)] ISchedulerFactory factory,
    TimeProvider clock, ILogger<BriefingSchedule> log)
{
    /// <summary>Quartz's default: a firing later than this is a misfire.</summary>
    public static readonly TimeSpan MisfireThreshold = TimeSpan.FromMinutes(1);

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
            var current = await scheduler.GetTrigger(TriggerKeyOf(briefing.Id), cancellationToken) as ICronTrigger;
            if (current is not null && current.CronExpressionString == briefing.Cron && current.TimeZone.Id == briefing.TimeZone.Id) continue;
            var triggers = new List<ITrigger> { Trigger(briefing, clock) };
            if (current is null && Missed(briefing, last.GetValueOrDefault(briefing.Id)?.FireTime, clock.GetUtcNow())) triggers.Add(CatchUp(briefing, clock));
            var job = JobBuilder.Create<BriefingJob>().WithIdentity(briefing.Id, BriefingJob.Group).WithDescription(briefing.Name)
                .RequestRecovery().Build(); // an instance dying mid-firing: another recovers the firing and takes over its run
            await scheduler.ScheduleJob(job, triggers, new ScheduleJobOptions { Replace = true }, cancellationToken);
            log.LogInformation("Briefing {Briefing} scheduled: {Cron} ({Zone}){CatchUp}", briefing.Id, briefing.Cron, briefing.TimeZone.Id,
                triggers.Count > 1 ? "; a firing missed since its last run fires now" : "");
        }
        _applied = briefings.Version;
    }

    public static TriggerKey TriggerKeyOf(string briefingId) => new(briefingId, BriefingJob.Group);

    /// <summary>Whether a firing fell due after the last run and is now late past the misfire threshold.</summary>
    public static bool Missed(BriefingDefinition briefing, DateTimeOffset? lastFire, DateTimeOffset now) =>
        lastFire is { } fired && briefing.Schedule.NextAfter(fired) is { } due && due < now - MisfireThreshold;

    /// <summary>The briefing's cron trigger in its zone, misfire "fire once now".</summary>
    /// <param name="clock">The service's clock, which the cron schedule computes against (a fake one in tests).</param>
    public static ITrigger Trigger(BriefingDefinition briefing, TimeProvider clock) => TriggerBuilder.Create(clock)
        .WithIdentity(TriggerKeyOf(briefing.Id)).ForJob(briefing.Id, BriefingJob.Group).StartAt(clock.GetUtcNow())
        .WithCronSchedule(briefing.Cron, cron => cron.InTimeZone(briefing.TimeZone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
        .Build();

    /// <summary>One firing now, for a firing missed while the trigger did not exist.</summary>
    static ITrigger CatchUp(BriefingDefinition briefing, TimeProvider clock) => TriggerBuilder.Create(clock)
        .WithIdentity(briefing.Id + "-missed", BriefingJob.Group).ForJob(briefing.Id, BriefingJob.Group).StartAt(clock.GetUtcNow()).Build();
}
