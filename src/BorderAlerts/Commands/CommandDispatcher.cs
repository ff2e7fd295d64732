using BorderAlerts.Core.Rules.Query;

namespace BorderAlerts.Commands;

/// <summary>
/// Checks a chat command against <see cref="CommandCatalog"/> and the caller's rights, then runs it. Everything a user can
/// get wrong comes back as a helpful message with an example, never as a platform error; a non-admin's write is refused
/// before any handler runs.
/// </summary>
public sealed class CommandDispatcher(SearchCommands search, RuleCommands rules, FeedCommands feeds, MuteCommand mute, WatchlistCommands watchlists,
    BriefingCommands briefings, PanelCommand panel, ILogger<CommandDispatcher> log)
{
    public async Task<CommandReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var spec = CommandCatalog.Find(request.Command);
        if (spec is null)
            return CommandReply.Error($"Unknown command '/{request.Command}'. Commands: {string.Join(", ", CommandCatalog.All.Select(c => "/" + c.Name))}.");
        var sub = request.Subcommand is null ? null : spec.Subcommand(request.Subcommand);
        if (spec.Subcommands.Count > 0 && sub is null)
            return CommandReply.Error($"/{spec.Name} needs one of: {string.Join(", ", spec.Subcommands.Select(s => s.Name))}. Example: {spec.Example}");
        var options = sub?.Options ?? spec.Options;
        var example = sub?.Example ?? spec.Example;
        if (request.Options.Keys.FirstOrDefault(k => options.All(o => o.Name != k)) is { } unknown)
            return CommandReply.Error($"Unknown option '{unknown}'. Options: {Names(options)}. Example: {example}");
        if (options.FirstOrDefault(o => o.Required && request.Option(o.Name) is null) is { } missing)
            return CommandReply.Error($"'{missing.Name}' is missing ({missing.Description}). Example: {example}");
        if (options.FirstOrDefault(o => o.Choices is { } c && request.Option(o.Name) is { } v && !c.Contains(v)) is { } bad)
            return CommandReply.Error($"'{request.Option(bad.Name)}' is not a valid {bad.Name}; choose one of {string.Join(", ", bad.Choices!)}.");
        if ((spec.AdminOnly || sub?.Writes == true) && !request.Caller.IsAdmin)
        {
            log.LogWarning("Refused /{Command} {Sub} from {Actor}: not an admin", spec.Name, sub?.Name, request.Caller.Actor);
            return CommandReply.Error($"Only admins can run /{spec.Name}{(sub is null ? "" : " " + sub.Name)}. Reading commands (search, list, show, test, backtest, history, feedback, status, find) are open to everyone.");
        }
        try { return await RouteAsync(request with { Subcommand = sub?.Name }, cancellationToken); }
        catch (CommandInputException e) { return CommandReply.Error($"{e.Message} Example: {example}"); }
        catch (QuerySyntaxException e) { return CommandReply.Error($"The query has a problem at column {e.Column}: {e.Problem}. Example: {example}"); }
        catch (Core.Admin.AdminConflictException e) { return CommandReply.Error($"{e.Message} Look again (/rules show, /feeds status, /rules history) and retry."); }
    }

    Task<CommandReply> RouteAsync(CommandRequest request, CancellationToken cancellationToken) => request.Command switch
    {
        "search" => search.SearchAsync(request, cancellationToken),
        "rules" => rules.HandleAsync(request, cancellationToken),
        "feeds" => feeds.HandleAsync(request, cancellationToken),
        "watchlists" => watchlists.HandleAsync(request, cancellationToken),
        "panel" => panel.HandleAsync(request, cancellationToken),
        "briefings" => briefings.HandleAsync(request, cancellationToken),
        _ => mute.HandleAsync(request, cancellationToken),
    };

    static string Names(IReadOnlyList<OptionSpec> options) => options.Count == 0 ? "(none)" : string.Join(", ", options.Select(o => o.Name));
}
