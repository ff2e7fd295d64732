using BorderAlerts.Core.Feeds;
using BorderAlerts.Hosting;
using BorderAlerts.Jobs;
using BorderAlerts.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace BorderAlerts.Tests.Hosting;

/// <summary>
/// The service's work as Quartz jobs: the passes on a per-instance scheduler, the singletons on the cluster one, each
/// visible, and paused, resumed or run on every instance through `jobs` (an audited admin change).
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class ScheduledJobsTests(FeedServer server) : IClassFixture<FeedServer>
{
    static async Task<IScheduler> SchedulerAsync(WebApplication app, string name) =>
        await app.Services.GetRequiredKeyedService<ISchedulerFactory>(name).GetScheduler();

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task Passes_are_Quartz_jobs_that_jobs_pause_resume_and_run_on_the_running_service(Store store)
    {
        using var session = new CliSession(store);
        session.Environment.Set("BorderAlerts__Polling__TickSeconds", "1");
        var kyodo = server.Serve(Responses.Fixture("outlets/kyodo_zh-hans_news.rss.xml"));
        var state = server.Serve(Responses.Fixture("outlets/state_press-releases.rss.xml"));
        session.WriteFeeds($"feeds:\n  - id: kyodo-zh-hans\n    url: {kyodo}\n    language: zh-Hans\n");

        await using var app = AppHost.Build(service: true, urls: ["http://127.0.0.1:0"]);
        await AppHost.PrepareAsync(app.Services, CancellationToken.None);
        await app.StartAsync();
        var passes = await SchedulerAsync(app, ScheduledJobs.PassScheduler);
        var cluster = await SchedulerAsync(app, ScheduledJobs.ClusterScheduler);
        ValueTask Refresh() => passes.TriggerJob(ScheduledJobs.AdminRefresh.Key); // what the job does every 15 s
        var database = StoreProbe.For(app.Services);
        await Eventually.TrueAsync(() => Task.FromResult(server.RequestCount(kyodo) == 1), "the poll job has fetched the first feed");
        await Eventually.TrueAsync(async () => await database.CountAsync("instances") == 1, "the heartbeat job has recorded this instance");

        Assert.Equal(["admin-refresh", "deliver", "heartbeat", "poll"], (await passes.GetJobKeys(GroupMatcher<JobKey>.AnyGroup()))
            .Select(k => k.Name).Order());
        Assert.True(await cluster.Exists(ScheduledJobs.SourceHealth.Key));
        var listed = await session.RunAsync("jobs", "list");
        Assert.Equal(0, listed.ExitCode);
        Assert.Contains("Live instances (1):", listed.Stdout);
        Assert.Matches(@"poll\s+every instance\s+1s\s+scheduled", listed.Stdout);

        Assert.Equal(0, (await session.RunAsync("jobs", "pause", "poll")).ExitCode);
        await Refresh();
        await Eventually.TrueAsync(async () => await passes.GetTriggerState(ScheduledJobs.Poll.Trigger) == TriggerState.Paused, "the poll job is paused");
        session.WriteFeeds($"feeds:\n  - id: kyodo-zh-hans\n    url: {kyodo}\n    language: zh-Hans\n  - id: state\n    url: {state}\n    language: en\n");
        Assert.Matches(@"poll\s+every instance\s+1s\s+paused", (await session.RunAsync("jobs", "list")).Stdout);
        var catalog = app.Services.GetRequiredService<IFeedCatalog>(); // looks at the file at most once a second
        await Eventually.TrueAsync(() => Task.FromResult(catalog.Current().Feeds.Count == 2), "the service has read the new feeds.yaml");
        Assert.Equal(0, server.RequestCount(state));

        Assert.Equal(0, (await session.RunAsync("jobs", "run", "poll")).ExitCode); // one pass now, though paused
        await Refresh();
        await Eventually.TrueAsync(() => Task.FromResult(server.RequestCount(state) == 1), "the requested pass has polled the new feed");
        Assert.Equal(TriggerState.Paused, await passes.GetTriggerState(ScheduledJobs.Poll.Trigger));

        Assert.Equal(0, (await session.RunAsync("jobs", "resume", "poll")).ExitCode);
        await Refresh();
        await Eventually.TrueAsync(async () => await passes.GetTriggerState(ScheduledJobs.Poll.Trigger) == TriggerState.Normal, "the poll job runs again");
        await app.StopAsync();
        Assert.Equal(0, await database.CountAsync("instances"));
        Assert.Equal(3, await database.CountAsync("admin_changes", "kind = 'job' AND target = 'poll'"));
    }

    [Theory]
    [InlineData("pause", "nope", "no job 'nope'; jobs are poll, deliver, heartbeat, admin-refresh, source-health")]
    [InlineData("pause", "heartbeat", "job 'heartbeat' keeps the service running and cannot be paused or run by hand")]
    [InlineData("run", "source-health", "job 'source-health' runs on one instance of the cluster on its own schedule")]
    public async Task Jobs_refuses_what_it_cannot_do_naming_the_job(string verb, string job, string error)
    {
        using var session = new CliSession();
        var run = await session.RunAsync("jobs", verb, job);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(error, run.Stderr);
    }
}
