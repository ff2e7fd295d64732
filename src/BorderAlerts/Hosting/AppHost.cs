using BorderAlerts.Settings;
using BorderAlerts.Endpoints;
using BorderAlerts.Endpoints.Panel;
using BorderAlerts.Jobs;
using BorderAlerts.Storage;
using BorderAlerts.Storage.Postgres;

namespace BorderAlerts.Hosting;

/// <summary>Builds the one process: the service (Quartz jobs, HTTP endpoints) or a host for a one-shot CLI command.</summary>
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
        app.MapPanel();
        app.MapWebSub();
        return app;
    }

    /// <summary>A broken appsettings.json is a configuration error naming file and line, not a stack trace.</summary>
    static WebApplicationBuilder CreateBuilder(string contentRoot)
    {
        try { return WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = contentRoot }); }
        catch (InvalidDataException e) when (SettingsFileError.Explain(e, contentRoot) is { } error) { throw error; }
    }

    /// <summary>The jobs (<see cref="ScheduledJobs"/>) on their two Quartz schedulers, and Slack Socket Mode when configured.</summary>
    static void AddScheduler(WebApplicationBuilder builder)
    {
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(90));
        builder.Services.AddSchedulers(builder.Configuration);
        Chat.Slack.SlackSocketModeService.AddWhenConfigured(builder.Services, builder.Configuration);
    }

    /// <summary>Validates settings (naming the bad key) and migrates the store (and the cluster scheduler's tables); run before any command does work.</summary>
    public static async Task PrepareAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        SettingsRegistration.ValidateAll(services);
        await MigrateAsync(services, cancellationToken);
        await services.GetRequiredService<Commands.AdminWriter>().RefreshAsync(cancellationToken);
    }

    /// <summary>The store's migrations, then (on PostgreSQL) the cluster scheduler's tables.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var migrator = services.GetRequiredService<IStoreMigrator>();
        await migrator.MigrateAsync(cancellationToken);
        if (migrator is PostgresMigrator postgres) await QuartzTables.EnsureAsync(postgres, cancellationToken);
    }
}
