using System.CommandLine;

namespace BorderAlerts.Cli;

/// <summary>`watchlists list|check|find|refresh`: the sanctions lists of config/watchlists.yaml and their copies in force.</summary>
public static class WatchlistsCommand
{
    public static Command Create(TextWriter output) => new("watchlists", "Sanctions watchlists: their health, a check of one, a lookup by name, or a refresh now")
    {
        WatchlistsListCommand.Create(output), WatchlistsCheckCommand.Create(output), WatchlistsFindCommand.Create(output), WatchlistsRefreshCommand.Create(output),
    };

    /// <summary>The list of that id in watchlists.yaml, or bad input naming the ids there are.</summary>
    public static Core.Watchlists.WatchlistDefinition Resolve(IServiceProvider services, string id)
    {
        var lists = services.GetRequiredService<Core.Watchlists.FileWatchlists>().Current().Lists;
        return lists.FirstOrDefault(l => l.Id == id) ?? throw new CliInputException(
            $"no watchlist '{id}' in watchlists.yaml (known: {(lists.Count == 0 ? "none" : string.Join(", ", lists.Select(l => l.Id)))})");
    }
}
