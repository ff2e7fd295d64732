using BorderAlerts.Chat;
using BorderAlerts.Core.Briefings;
using BorderAlerts.Core.Feeds;
using BorderAlerts.Core.Rules;
using BorderAlerts.Settings;
using Microsoft.Extensions.Options;

namespace BorderAlerts.Hosting;

/// <summary>Scheduled briefings: briefings.yaml checked against the scheduler's cron, the destinations and the rules' concepts; the runner; the chart.</summary>
public static class BriefingServices
{
    public static IServiceCollection AddBriefings(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var destinations = sp.GetRequiredService<IOptions<DestinationSettings>>().Value.Destinations;
            var rules = sp.GetRequiredService<IRuleSource>();
            var checks = new BriefingChecks(sp.GetRequiredService<ICronParser>(), name => name == "console" || destinations.ContainsKey(name),
                query => BriefingQuery.Problem(query, rules.Current));
            return new FileBriefings(sp.GetRequiredService<IOptions<PathSettings>>().Value.BriefingsFile, checks, sp.GetRequiredService<ILogger<FileBriefings>>());
        });
        // Translations kept while a translator was set up still show after it is switched off.
        services.AddSingleton(sp => new BriefingLanguage(sp.GetRequiredService<IOptions<TranslationSettings>>().Value.TargetLanguage));
        services.AddSingleton<IVolumeChart, VolumeChartPng>();
        services.AddSingleton<BriefingPoster>();
        services.AddSingleton<BriefingRunner>();
        return services;
    }
}
