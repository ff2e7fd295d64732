using Quartz;

namespace BorderAlerts.Jobs;

/// <summary>A job the service schedules: its name for `jobs` and admins, its Quartz key and scheduler, what it does.</summary>
public sealed record ScheduledJob(string Name, JobKey Key, string Scheduler, string What, bool Controllable)
{
    /// <summary>The job's one trigger (the cluster's keeps the key earlier versions stored in the clustered job store).</summary>
    public TriggerKey Trigger => Scheduler == ScheduledJobs.ClusterScheduler ? new($"{Name}-tick") : new($"{Name}-tick", Key.Group);

    /// <summary>Runs on every instance at once (the per-instance scheduler), not on one instance of the cluster.</summary>
    public bool EveryInstance => Scheduler == ScheduledJobs.PassScheduler;
}

/// <summary>
/// Every job, on one of two Quartz schedulers. The passes (poll, deliver) run on every instance at once, from an
/// in-memory scheduler per instance, and the store's claims share the work between them (ADR 0005, ADR 0011). What
/// must happen once across instances runs on the cluster scheduler (Quartz's clustered job store on PostgreSQL).
/// </summary>
public static class ScheduledJobs
{
    public const string PassScheduler = "borderalerts-passes", ClusterScheduler = "borderalerts";

    public static readonly ScheduledJob Poll = new("poll", new("poll", "passes"), PassScheduler,
        "polls the feeds that are due (this instance's share)", Controllable: true);
    public static readonly ScheduledJob Deliver = new("deliver", new("deliver", "passes"), PassScheduler,
        "delivers the outbox's due alerts (this instance's share)", Controllable: true);
    public static readonly ScheduledJob Heartbeat = new("heartbeat", new("heartbeat", "passes"), PassScheduler,
        "records that this instance is alive, so claims divide work by the live instances", Controllable: false);
    public static readonly ScheduledJob AdminRefresh = new("admin-refresh", new("admin-refresh", "passes"), PassScheduler,
        "picks up rule, feed and job changes made on other instances or from the CLI", Controllable: false);
    public static readonly ScheduledJob SourceHealth = new("source-health", new("source-health", "borderalerts"), ClusterScheduler,
        "tells the admin destination about sources that need a human, and their recovery", Controllable: true);

    public static readonly ScheduledJob Watchlists = new("watchlists", new("watchlists", "borderalerts"), ClusterScheduler,
        "refreshes the sanctions watchlists that are due and tells the admin destination what changed", Controllable: true);

    public static readonly ScheduledJob WebSub = new("websub", new("websub", "borderalerts"), ClusterScheduler,
        "subscribes to, renews and ends the WebSub hubs that feeds name", Controllable: true);

    public static readonly IReadOnlyList<ScheduledJob> All = [Poll, Deliver, Heartbeat, AdminRefresh, SourceHealth, Watchlists, WebSub];

    public static ScheduledJob? Named(string name) => All.FirstOrDefault(j => j.Name == name);
}
