using BorderAlerts.Core.Admin;
using Quartz;

namespace BorderAlerts.Jobs;

/// <summary>
/// Applies what admins asked of the jobs (`jobs pause|resume|run`, kept as audited admin state) to this instance's
/// Quartz schedulers: a paused job's trigger is paused, a resumed one resumed, and each new run request fires the job
/// once here. Requests made before this instance started are not replayed.
/// </summary>
public sealed class JobControls(IServiceProvider services, ILogger<JobControls> log)
{
    readonly Dictionary<string, long> _runsSeen = [];
    readonly Dictionary<string, bool> _pausedApplied = [];

    public async Task ApplyAsync(AdminState state, CancellationToken cancellationToken)
    {
        foreach (var job in ScheduledJobs.All.Where(j => j.Controllable))
        {
            var wanted = AdminJson.Job(state.Get(AdminKinds.Job, job.Name)) ?? new JobOverride(false);
            bool runAsked = job.EveryInstance && _runsSeen.TryGetValue(job.Name, out var seen) && wanted.RunRequests > seen;
            _runsSeen[job.Name] = wanted.RunRequests;
            // The cluster scheduler's state is a database read: look only when something is to be done.
            if (!runAsked && _pausedApplied.TryGetValue(job.Name, out var applied) && applied == wanted.Paused) continue;
            var scheduler = await services.GetRequiredKeyedService<ISchedulerFactory>(job.Scheduler).GetScheduler(cancellationToken);
            bool paused = await scheduler.GetTriggerState(job.Trigger, cancellationToken) == TriggerState.Paused;
            if (wanted.Paused && !paused) await scheduler.PauseJob(job.Key, cancellationToken);
            if (!wanted.Paused && paused) await scheduler.ResumeJob(job.Key, cancellationToken);
            if (wanted.Paused != paused) log.LogInformation("Job {Job} {State}", job.Name, wanted.Paused ? "paused" : "resumed");
            _pausedApplied[job.Name] = wanted.Paused;
            if (!runAsked) continue;
            log.LogInformation("Job {Job} runs now, as asked", job.Name);
            await scheduler.TriggerJob(job.Key, cancellationToken);
        }
    }
}
