using BorderAlerts.Core.Rules;
using System.CommandLine;
using BorderAlerts.Core.Delivery;
using BorderAlerts.Core.Polling;
using BorderAlerts.Core.Watchlists;
using BorderAlerts.Hosting;

namespace BorderAlerts.Cli;

/// <summary>
/// `watchlists refresh [&lt;id&gt;]` (operators): refresh one enabled list, or every enabled list, now, due or not, as
/// the watchlists job does: the copy goes into the store (every instance picks it up) and what it changed, failed or
/// recovered is told to the admin destination. Exit 1 if a list failed or was refused.
/// </summary>
public static class WatchlistsRefreshCommand
{
    public static Command Create(TextWriter output)
    {
        var id = new Argument<string?>("id") { Description = "A watchlist id; every enabled list without one", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("refresh", "Refresh watchlists now and keep the new copies (admin)") { id };
        command.SetAction((parse, ct) => RunAsync(output, parse.GetValue(id), ct));
        return command;
    }

    static async Task<int> RunAsync(TextWriter output, string? id, CancellationToken cancellationToken)
    {
        await using var app = AppHost.Build(service: false);
        await AppHost.PrepareAsync(app.Services, cancellationToken);
        var lists = id is null ? [.. app.Services.GetRequiredService<FileWatchlists>().Current().Lists.Where(l => l.Enabled)]
            : new[] { WatchlistsCommand.Resolve(app.Services, id) };
        if (lists is [{ Enabled: false } disabled]) throw new CliInputException($"watchlist '{disabled.Id}' is disabled in watchlists.yaml (enabled: false)");
        var (refresher, delivery) = (app.Services.GetRequiredService<WatchlistRefresher>(), app.Services.GetRequiredService<DeliveryRunner>());
        var failed = false;
        foreach (var list in lists)
        {
            var outcome = await refresher.RefreshNowAsync(list, cancellationToken);
            output.WriteLine($"{list.Id}: {outcome.Kind.ToString().ToLowerInvariant()}, {outcome.Entries} entries in force; {outcome.Message}");
            await DesignationNews.TellAsync(outcome, app.Services.GetRequiredService<IRuleSource>().Current, delivery,
                app.Services.GetRequiredService<IDestinations>().AdminDestination);
            failed |= outcome.Kind is WatchlistRefreshKind.Failed or WatchlistRefreshKind.Refused;
        }
        if (lists.Length == 0) output.WriteLine("(no enabled watchlists; set enabled: true in config/watchlists.yaml)");
        return failed ? CliApp.Failure : CliApp.Ok;
    }
}
