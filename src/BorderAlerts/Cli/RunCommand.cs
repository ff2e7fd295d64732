using BorderAlerts.Hosting;
using BorderAlerts.Settings;
using System.CommandLine;
using BorderAlerts.Core.Feeds;
using BorderAlerts.Core.Rules;
using BorderAlerts.Core.Watchlists;

namespace BorderAlerts.Cli;

/// <summary>`run`: the service. Polls on schedule with Quartz and serves the HTTP endpoints until stopped.</summary>
public static class RunCommand
{
    public static Command Create(TextWriter errors)
    {
        var urls = new Option<string[]>("--urls") { Description = "Listen addresses (default from ASPNETCORE_URLS, else http://localhost:5000)" };
        var command = new Command("run", "Run the service: poll on schedule, match, deliver (the default command)") { urls };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(urls) ?? [], ct));
        return command;
    }

    public static async Task<int> RunAsync(string[] urls, CancellationToken cancellationToken)
    {
        await using var app = AppHost.Build(service: true, urls);
        await AppHost.PrepareAsync(app.Services, cancellationToken);
        Announce(app);
        await app.RunAsync();
        return CliApp.Ok;
    }

    /// <summary>One line an operator can check at a glance: what is watched, what alerts, where it is stored.</summary>
    static void Announce(WebApplication app)
    {
        var (paths, destinations) = (app.Services.Settings<PathSettings>(), app.Services.Settings<DestinationSettings>().Destinations);
        var feeds = app.Services.GetRequiredService<IFeedCatalog>().Current().Feeds;
        var rules = app.Services.GetRequiredService<IRuleSource>().Current;
        var watchlists = app.Services.GetRequiredService<FileWatchlists>().Current().Lists; // a broken watchlists.yaml stops the start here (exit 2)
        var briefings = app.Services.GetRequiredService<Core.Briefings.FileBriefings>().Current; // and a broken briefings.yaml
        app.Logger.LogInformation("BorderAlerts: {Feeds} feeds from {FeedsFile}, {Rules} rules ({Skipped} skipped) from {RulesFile}, {Watchlists} watchlists, {Briefings} briefings, {Store}, destinations: {Destinations}",
            feeds.Count(f => f.Enabled), paths.FeedsFile, rules.Rules.Count(r => r.Enabled), rules.Problems.Count, paths.RulesFile, watchlists.Count(l => l.Enabled),
            briefings.Count(b => b.Enabled),
            app.Services.DescribeStore(),
            destinations.Count == 0 ? "none configured, alerts go to the console" : string.Join(", ", destinations.Select(d => $"{d.Key} ({d.Value.Type})")));
    }
}
