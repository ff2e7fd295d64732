using BorderAlerts.Commands;
using Quartz;

namespace BorderAlerts.Jobs;

/// <summary>
/// Picks up what other instances and the CLI changed (rules, feeds, mutes, paused or requested jobs), and briefings.yaml's
/// schedule (<see cref="BriefingSchedule"/>), every
/// <see cref="Every"/>: each look is a database transaction, and changes made from chat on this instance apply here at once.
/// </summary>
[DisallowConcurrentExecution]
public sealed class AdminRefreshJob(AdminWriter admin, JobControls controls, BriefingSchedule briefings, IHostApplicationLifetime lifetime,
    ILogger<AdminRefreshJob> log)
    : PassJob(lifetime, log)
{
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(15);

    protected override async Task RunAsync(IJobExecutionContext context, CancellationToken stopping)
    {
        await admin.RefreshAsync(stopping);
        await controls.ApplyAsync(admin.Current, stopping);
        await briefings.ApplyAsync(stopping);
    }
}
