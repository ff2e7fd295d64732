using System.Collections.Concurrent;
using System.Globalization;
using BorderAlerts.Core.Briefings;
using BorderAlerts.Core.Storage;
using BorderAlerts.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Quartz;

namespace BorderAlerts.Tests.Briefings;

/// <summary>
/// Briefings' triggers on a Quartz scheduler driven by a fake clock: a briefing fires at the cron time in its zone; after
/// downtime that missed firings ("fire once now") it fires once, late, then keeps its schedule; and a trigger made anew
/// after a restart (the in-memory store) catches up a firing missed since the store's last run, once.
/// </summary>
public sealed class BriefingScheduleTests
{
    static readonly TimeZoneInfo Seoul = TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");
    static DateTimeOffset SeoulTime(int day, int hour, int minute = 0, int second = 0) => new(2026, 3, day, hour, minute, second, TimeSpan.FromHours(9));

    /// <summary>Records each firing's time as <see cref="BriefingJob"/> reads it (its scheduled time, or the late time of a misfire), by test.</summary>
    sealed class RecordingJob : IJob
    {
        public static readonly ConcurrentDictionary<string, ConcurrentQueue<DateTimeOffset>> Fired = new();

        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
        {
            Fired.GetOrAdd(context.MergedJobDataMap.GetString("test")!, _ => new()).Enqueue(BriefingJob.FireTimeOf(context));
            return ValueTask.CompletedTask;
        }
    }

    static BriefingDefinition Weekdays()
    {
        Assert.True(new QuartzCronParser().TryParse("0 0 8 ? * MON-FRI", Seoul, out var schedule, out _));
        return new BriefingDefinition { Id = "morning", Name = "Morning", Schedule = schedule, TimeZone = Seoul, To = ["console"] };
    }

    static async Task<(IScheduler Scheduler, ServiceProvider Services)> SchedulerAsync(string name, FakeTimeProvider clock)
    {
        var services = new ServiceCollection().AddLogging().AddQuartz(name, q => q.UseTimeProvider(clock)).BuildServiceProvider();
        return (await services.GetRequiredKeyedService<ISchedulerFactory>(name).GetScheduler(), services);
    }

    /// <summary>The briefing's trigger (as <see cref="BriefingSchedule"/> makes it) for a job that records its firings.</summary>
    static Task ScheduleAsync(IScheduler scheduler, string test, FakeTimeProvider clock) => scheduler.ScheduleJob(
        JobBuilder.Create<RecordingJob>().WithIdentity("morning", BriefingJob.Group).UsingJobData("test", test).Build(),
        [BriefingSchedule.Trigger(Weekdays(), clock)], new ScheduleJobOptions()).AsTask();

    /// <summary>Moves the fake clock on in small steps until the job has fired <paramref name="count"/> times (or a bound is reached).</summary>
    static async Task<IReadOnlyList<DateTimeOffset>> FiredAsync(string test, FakeTimeProvider clock, int count)
    {
        int Count() => RecordingJob.Fired.GetValueOrDefault(test)?.Count ?? 0;
        for (int i = 0; i < 400 && Count() < count; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(500));
            await Task.Delay(10);
        }
        return [.. RecordingJob.Fired.GetValueOrDefault(test) ?? []];
    }

    [Fact]
    public void The_trigger_fires_at_eight_in_the_briefings_zone_on_weekdays_and_fires_once_now_on_a_misfire()
    {
        var trigger = (ICronTrigger)BriefingSchedule.Trigger(Weekdays(), new FakeTimeProvider(SeoulTime(27, 9))); // a Friday, after eight

        Assert.Equal(SeoulTime(30, 8), trigger.GetFireTimeAfter(SeoulTime(27, 9))); // Monday: the weekend is skipped
        Assert.Equal(("0 0 8 ? * MON-FRI", "Asia/Seoul", CronTriggerMisfireInstruction.FireAndProceed),
            (trigger.CronExpressionString, trigger.TimeZone.Id, trigger.MisfireInstruction));
    }

    [Fact]
    public async Task On_a_fake_clock_the_briefing_fires_at_eight_in_seoul()
    {
        var clock = new FakeTimeProvider(SeoulTime(30, 7, 59, 58)); // a Monday
        var (scheduler, services) = await SchedulerAsync("briefings-on-time", clock);
        await ScheduleAsync(scheduler, "on-time", clock);
        await scheduler.Start();

        var fired = await FiredAsync("on-time", clock, 1);
        await scheduler.Shutdown();
        await services.DisposeAsync();

        Assert.Equal([SeoulTime(30, 8).ToUniversalTime()], fired);
    }

    [Fact]
    public async Task After_downtime_that_missed_two_firings_the_briefing_fires_once_late_then_keeps_its_schedule()
    {
        var clock = new FakeTimeProvider(SeoulTime(23, 9)); // Monday, after its brief
        var (scheduler, services) = await SchedulerAsync("briefings-misfired", clock);
        await ScheduleAsync(scheduler, "misfired", clock);
        clock.SetUtcNow(SeoulTime(25, 12)); // no instance ran until Wednesday noon: Tuesday's and Wednesday's were missed
        await scheduler.Start();

        var late = await FiredAsync("misfired", clock, 1);
        clock.SetUtcNow(SeoulTime(26, 7, 59, 58));
        var both = await FiredAsync("misfired", clock, 2);
        await scheduler.Shutdown();
        await services.DisposeAsync();

        var once = Assert.Single(late);
        Assert.InRange(once, SeoulTime(25, 12), SeoulTime(25, 12, 5)); // now, on the fake clock: one late brief, not one per missed firing
        Assert.Equal([once, SeoulTime(26, 8).ToUniversalTime()], both);
    }

    [Theory]
    [InlineData(23, true)]  // last run Monday: Tuesday's and Wednesday's were missed, one catch-up fires now
    [InlineData(25, false)] // last run this Wednesday morning: nothing missed
    public async Task A_trigger_made_anew_catches_up_a_firing_missed_since_the_last_run_once(int lastRunDay, bool catchesUp)
    {
        var folder = Directory.CreateTempSubdirectory();
        var path = Path.Combine(folder.FullName, "briefings.yaml");
        File.WriteAllText(path, "briefings:\n  - id: morning\n    cron: \"0 0 8 ? * MON-FRI\"\n    timezone: Asia/Seoul\n    to: [console]\n");
        var briefings = new FileBriefings(path, new BriefingChecks(new QuartzCronParser(), _ => true, _ => null), NullLogger<FileBriefings>.Instance);
        var runs = new Mock<IBriefingRuns>();
        runs.Setup(r => r.LastRunsAsync(It.IsAny<CancellationToken>())).ReturnsAsync(new Dictionary<string, BriefingRun>
        {
            ["morning"] = new("morning", SeoulTime(lastRunDay, 8), SeoulTime(lastRunDay, 8), BriefingOutcome.Posted, null, null),
        });
        var clock = new FakeTimeProvider(SeoulTime(25, 12));
        var (scheduler, services) = await SchedulerAsync("briefings-restart-" + lastRunDay, clock);
        var schedule = new BriefingSchedule(briefings, runs.Object, services.GetRequiredKeyedService<ISchedulerFactory>("briefings-restart-" + lastRunDay),
            clock, NullLogger<BriefingSchedule>.Instance);

        await schedule.ApplyAsync(CancellationToken.None);
        await schedule.ApplyAsync(CancellationToken.None); // the file did not change: nothing is scheduled again
        var triggers = await scheduler.GetTriggersOfJob(new JobKey("morning", BriefingJob.Group));
        var job = await scheduler.GetJobDetail(new JobKey("morning", BriefingJob.Group));
        await services.DisposeAsync();
        folder.Delete(recursive: true);

        var cron = Assert.Single(triggers.OfType<ICronTrigger>());
        Assert.Equal(SeoulTime(26, 8), cron.NextFireTimeUtc);
        Assert.Equal(catchesUp ? [SeoulTime(25, 12)] : [], triggers.Where(t => t is not ICronTrigger).Select(t => t.NextFireTimeUtc));
        runs.Verify(r => r.LastRunsAsync(It.IsAny<CancellationToken>()), Times.Once);
        Assert.True(job!.RequestsRecovery); // an instance dying mid-firing: another recovers the firing
    }

    [Fact]
    public void A_recovered_firing_has_the_fire_time_of_the_firing_it_recovers_so_it_takes_over_that_run()
    {
        var scheduled = SeoulTime(25, 8);
        var recovery = TriggerBuilder.Create().WithIdentity("recover_node1_1", SchedulerConstants.DefaultRecoveryGroup).ForJob("morning", BriefingJob.Group)
            .UsingJobData(SchedulerConstants.FailedJobOriginalTriggerName, "morning").UsingJobData(SchedulerConstants.FailedJobOriginalTriggerGroup, BriefingJob.Group)
            .UsingJobData(SchedulerConstants.FailedJobOriginalTriggerFireTime, Convert.ToString(scheduled.AddSeconds(2), CultureInfo.InvariantCulture))
            .UsingJobData(SchedulerConstants.FailedJobOriginalTriggerScheduledFireTime, Convert.ToString(scheduled, CultureInfo.InvariantCulture))
            .StartAt(scheduled).Build();
        var context = Quartz.Extensibility.JobExecutionContextBuilder.For(new RecordingJob()).WithTrigger(recovery)
            .FiredAt(scheduled.AddMinutes(40), scheduled).Recovering(true).Build(); // recovered 40 minutes on, once the dead instance missed its check-ins

        Assert.Equal(scheduled, BriefingJob.FireTimeOf(context));
    }
}
