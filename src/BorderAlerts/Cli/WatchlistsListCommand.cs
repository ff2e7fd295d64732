using System.CommandLine;
using BorderAlerts.Core.Watchlists;
using BorderAlerts.Hosting;

namespace BorderAlerts.Cli;

/// <summary>`watchlists list [--json]`: every list of watchlists.yaml with its copy in force and its health.</summary>
public static class WatchlistsListCommand
{
    public static Command Create(TextWriter output)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("list", "List watchlists: format, entries in force, last and next refresh, health") { json };
        command.SetAction((parse, ct) => RunAsync(output, parse.GetValue(json), ct));
        return command;
    }

    static async Task<int> RunAsync(TextWriter output, bool json, CancellationToken cancellationToken)
    {
        await using var app = AppHost.Build(service: false);
        await AppHost.PrepareAsync(app.Services, cancellationToken);
        var lists = app.Services.GetRequiredService<FileWatchlists>().Current().Lists;
        var states = (await app.Services.GetRequiredService<IWatchlistStore>().ListStatesAsync(cancellationToken)).ToDictionary(s => s.ListId);
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var rows = lists.Select(l => (List: l, State: states.GetValueOrDefault(l.Id) ?? new WatchlistState(l.Id))).ToList();
        if (json) output.WriteLine(CliJson.Serialize(new { watchlists = rows.Select(r => Json(r.List, r.State, now)) }));
        else Table(output, rows, now);
        return CliApp.Ok;
    }

    /// <summary>disabled, new (never refreshed), failing (the last refresh failed or was refused), ok.</summary>
    public static string Health(WatchlistDefinition list, WatchlistState state) =>
        !list.Enabled ? "disabled" : state.ConsecutiveFailures > 0 ? "failing" : state.RefreshedAt is null ? "new" : "ok";

    static object Json(WatchlistDefinition l, WatchlistState s, DateTimeOffset now) => new
    {
        id = l.Id, name = l.Name, url = l.Url.ToString(), format = l.Format.Name(), every = l.Every.TotalSeconds, programs = l.Programs.Patterns,
        enabled = l.Enabled, entries = s.Entries, lastRefresh = s.RefreshedAt, lastAttempt = s.LastAttemptAt,
        nextRefresh = l.Enabled ? s.NextRefresh(l, now) : (DateTimeOffset?)null, health = Health(l, s),
        consecutiveFailures = s.ConsecutiveFailures, lastError = s.LastError,
    };

    static void Table(TextWriter output, List<(WatchlistDefinition List, WatchlistState State)> rows, DateTimeOffset now)
    {
        var header = new[] { "ID", "NAME", "FORMAT", "ENTRIES", "LAST REFRESH", "NEXT REFRESH", "HEALTH", "LAST ERROR" };
        CliTable.Write(output, header, [.. rows.Select(r => new[]
        {
            r.List.Id, r.List.Name, r.List.Format.Name(), r.State.Entries.ToString(), CliTable.Ago(r.State.RefreshedAt, now),
            r.List.Enabled ? Next(r.State.NextRefresh(r.List, now), now) : "", Health(r.List, r.State), r.State.LastError ?? "",
        })]);
        if (rows.Count == 0) output.WriteLine("(no watchlists configured; add them to config/watchlists.yaml)");
    }

    static string Next(DateTimeOffset at, DateTimeOffset now) => at <= now ? "due" : "in " + CliTable.Span(at - now);
}
