using BorderAlerts.Settings;
using Microsoft.Extensions.Options;

namespace BorderAlerts.Chat.Slack;

/// <summary>Runs Socket Mode for the life of the service (`run`). Registered only when Slack:AppToken is set.</summary>
public sealed class SlackSocketModeService(SlackSocketMode socketMode, IOptions<SlackSettings> settings) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var slack = settings.Value;
        var options = new SlackSocketModeOptions { AppToken = slack.AppToken!, ApiBase = new Uri(slack.ApiBaseUrl) };
        return socketMode.RunAsync(options, stoppingToken);
    }

    /// <summary>For the service host only: one-shot CLI commands never open a socket.</summary>
    public static void AddWhenConfigured(IServiceCollection services, IConfiguration configuration)
    {
        if (!string.IsNullOrWhiteSpace(configuration.GetSettings<SlackSettings>().AppToken))
            services.AddHostedService<SlackSocketModeService>();
    }
}
