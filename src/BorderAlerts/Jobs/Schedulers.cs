using BorderAlerts.Settings;
using BorderAlerts.Storage.Postgres;
using Quartz;

namespace BorderAlerts.Jobs;

/// <summary>
/// The service's two Quartz schedulers (<see cref="ScheduledJobs"/>). Each job has one trigger; a pass trigger starts at
/// a random point of its first tick, so instances started together claim at different moments.
/// </summary>
public static class Schedulers
{
    /// <summary>How often a job fires, from the settings where an admin may change it.</summary>
    public static TimeSpan Interval(ScheduledJob job, PollingSettings polling, DeliverySettings delivery) => job.Name switch
    {
        "poll" => TimeSpan.FromSeconds(polling.TickSeconds is > 0 and var p ? p : 5),
        "deliver" => TimeSpan.FromSeconds(delivery.TickSeconds is > 0 and var d ? d : 2),
        "heartbeat" => Core.Storage.IInstanceHeartbeats.Every,
        "admin-refresh" => AdminRefreshJob.Every,
        _ => TimeSpan.FromMinutes(1),
    };

    public static void AddSchedulers(this IServiceCollection services, IConfiguration configuration)
    {
        var (polling, delivery, storage) = (configuration.GetSettings<PollingSettings>(), configuration.GetSettings<DeliverySettings>(),
            configuration.GetSettings<StorageSettings>());
        TimeSpan IntervalOf(ScheduledJob job) => Interval(job, polling, delivery);
        services.AddSingleton(new DeliveryPacing(IntervalOf(ScheduledJobs.Deliver)));
        services.AddSingleton<JobControls>();
        services.AddSingleton<BriefingSchedule>();
        services.AddSingleton<ThisInstance>();
        services.AddHostedService(sp => sp.GetRequiredService<ThisInstance>());
        services.AddQuartz(ScheduledJobs.PassScheduler, q =>
        {
            Schedule<PollPassJob>(q, ScheduledJobs.Poll, IntervalOf(ScheduledJobs.Poll));
            Schedule<DeliveryPassJob>(q, ScheduledJobs.Deliver, IntervalOf(ScheduledJobs.Deliver));
            Schedule<HeartbeatJob>(q, ScheduledJobs.Heartbeat, IntervalOf(ScheduledJobs.Heartbeat), startNow: true);
            Schedule<AdminRefreshJob>(q, ScheduledJobs.AdminRefresh, IntervalOf(ScheduledJobs.AdminRefresh), startNow: true);
        });
        services.AddQuartz(ScheduledJobs.ClusterScheduler, q =>
        {
            if (storage.Provider == "postgres") UseClusteredStore(q, storage.ConnectionString!);
            Schedule<SourceHealthJob>(q, ScheduledJobs.SourceHealth, IntervalOf(ScheduledJobs.SourceHealth), startNow: true);
            Schedule<WatchlistRefreshJob>(q, ScheduledJobs.Watchlists, IntervalOf(ScheduledJobs.Watchlists), startNow: true);
            Schedule<WebSubJob>(q, ScheduledJobs.WebSub, IntervalOf(ScheduledJobs.WebSub), startNow: true);
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
    }

    static void Schedule<TJob>(IQuartzBuilder quartz, ScheduledJob job, TimeSpan interval, bool startNow = false) where TJob : IJob
    {
        quartz.AddJob<TJob>(j => j.WithIdentity(job.Key).WithDescription(job.What));
        var start = DateTimeOffset.UtcNow + (startNow ? TimeSpan.Zero : interval * Random.Shared.NextDouble());
        quartz.AddTrigger(t => t.ForJob(job.Key).WithIdentity(job.Trigger).StartAt(start)
            .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever()));
    }

    /// <summary>
    /// Quartz's clustered ADO.NET job store in the store's database: each job fires on one instance, and a dead
    /// instance's firings are recovered by a live one. Its tables are created by <see cref="QuartzTables"/>.
    /// </summary>
    static void UseClusteredStore(IQuartzBuilder quartz, string connectionString) => quartz.UsePersistentStore(store =>
    {
        store.UsePostgres(PostgresDatabase.Pooled(connectionString, "borderalerts-quartz").ConnectionString);
        store.UseClustering();
        store.UseSystemTextJsonSerializer();
        store.ConfigureStore(o => o.StoreJobDataAsStrings = true); // readable rows; our jobs carry no data anyway
    });
}
