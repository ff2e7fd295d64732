using BorderAlerts.Settings;
using BorderAlerts.Endpoints;
using BorderAlerts.Jobs;
using BorderAlerts.Storage;
using Quartz;

namespace BorderAlerts.Hosting;

/// <summary>Builds the one process: the service (poll and delivery loops, Quartz, HTTP endpoints) or a host for a one-shot CLI command.</summary>
public static class AppHost
{
    public static WebApplication Build(bool service, string[]? urls = null)
    {
        var builder = CreateBuilder(Directory.GetCurrentDirectory());
        builder.Services.AddBorderAlerts(builder.Configuration);
        if (!service) builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning).AddFilter("System.Net.Http.HttpClient", LogLevel.Warning)
            .AddFilter("Quartz", LogLevel.Warning);
        if (service) AddScheduler(builder);
        if (urls is { Length: > 0 }) builder.WebHost.UseUrls(urls);
        var app = builder.Build();
        SettingsRegistration.ValidateAll(app.Services); // every command stops here on a bad setting, naming its key
        app.MapHealth();
        app.MapMetrics();
        app.MapDiscordInteractions();
        app.MapSlackEndpoints();
        return app;
    }

    /// <summary>A broken appsettings.json is a configuration error naming file and line, not a stack trace.</summary>
    static WebApplicationBuilder CreateBuilder(string contentRoot)
    {
        try { return WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = contentRoot }); }
        catch (InvalidDataException e) when (SettingsFileError.Explain(e, contentRoot) is { } error) { throw error; }
    }

    /// <summary>
    /// Polling and delivery run per instance (<see cref="PassLoop"/>): every instance works at once and the store's claims
    /// share the work. Quartz keeps what must run once across all instances, in its clustered store on PostgreSQL.
    /// </summary>
    static void AddScheduler(WebApplicationBuilder builder)
    {
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(90));
        builder.Services.AddHostedService<PollLoop>();
        builder.Services.AddHostedService<DeliveryLoop>();
        builder.Services.AddSingleton<DeliveryWakeup>();
        builder.Services.AddQuartz(q =>
        {
            var storage = builder.Configuration.GetSettings<StorageSettings>();
            StoreProvider.For(storage).UseJobStore(q, storage);
            q.AddJob<SourceHealthJob>(j => j.WithIdentity(SourceHealthJob.Key));
            q.AddTrigger(t => t.ForJob(SourceHealthJob.Key).WithIdentity("source-health-tick").StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(1)).RepeatForever()));
        });
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        Chat.Slack.SlackSocketModeService.AddWhenConfigured(builder.Services, builder.Configuration);
    }

    /// <summary>Validates settings (naming the bad key) and migrates the store; run before any command does work.</summary>
    public static async Task PrepareAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        SettingsRegistration.ValidateAll(services);
        await services.GetRequiredService<IStoreMigrator>().MigrateAsync(cancellationToken);
        await services.GetRequiredService<Commands.AdminWriter>().RefreshAsync(cancellationToken);
    }
}
