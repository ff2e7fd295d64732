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
    public static TimeSpan Interval(ScheduledJob job, BorderAlertsOptions settings) => job.Name switch
    {
        "poll" => TimeSpan.FromSeconds(settings.Polling.TickSeconds is > 0 and var p ? p : 5),
        "deliver" => TimeSpan.FromSeconds(settings.Delivery.TickSeconds is > 0 and var d ? d : 2),
        "heartbeat" => Core.Storage.IInstanceHeartbeats.Every,
        "admin-refresh" => AdminRefreshJob.Every,
        _ => TimeSpan.FromMinutes(1),
    };

    public static void AddSchedulers(this IServiceCollection services, BorderAlertsOptions settings)
    {
        services.AddSingleton(new DeliveryPacing(Interval(ScheduledJobs.Deliver, settings)));
        services.AddSingleton<JobControls>();
        services.AddSingleton<ThisInstance>();
        services.AddHostedService(sp => sp.GetRequiredService<ThisInstance>());
        services.AddQuartz(ScheduledJobs.PassScheduler, q =>
        {
            Every<PollPassJob>(q, ScheduledJobs.Poll, settings);
            Every<DeliveryPassJob>(q, ScheduledJobs.Deliver, settings);
            Every<HeartbeatJob>(q, ScheduledJobs.Heartbeat, settings, startNow: true);
            Every<AdminRefreshJob>(q, ScheduledJobs.AdminRefresh, settings, startNow: true);
        });
        services.AddQuartz(ScheduledJobs.ClusterScheduler, q =>
        {
            if (settings.Storage.Provider == "postgres") UseClusteredStore(q, settings.Storage.ConnectionString!);
            Every<SourceHealthJob>(q, ScheduledJobs.SourceHealth, settings, startNow: true);
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
    }

    static void Every<TJob>(IQuartzBuilder quartz, ScheduledJob job, BorderAlertsOptions settings, bool startNow = false) where TJob : IJob
    {
        var interval = Interval(job, settings);
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
