using System.CommandLine;
using BorderAlerts.Core.Watchlists;
using BorderAlerts.Hosting;

namespace BorderAlerts.Cli;

/// <summary>`watchlists find &lt;name&gt; [--json]`: the entries in force whose name or alias holds the words (case and hyphens ignored).</summary>
public static class WatchlistsFindCommand
{
    public static Command Create(TextWriter output)
    {
        var words = new Argument<string[]>("name") { Description = "Words of the name, e.g. chon ma san", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("find", "Find entries in force by name or alias: list, type, programs, listing date, identifiers, link") { words, json };
        command.SetAction((parse, ct) => RunAsync(output, string.Join(' ', parse.GetValue(words)!), parse.GetValue(json), ct));
        return command;
    }

    static async Task<int> RunAsync(TextWriter output, string words, bool json, CancellationToken cancellationToken)
    {
        await using var app = AppHost.Build(service: false);
        await AppHost.PrepareAsync(app.Services, cancellationToken);
        var catalog = app.Services.GetRequiredService<StoredWatchlistCatalog>();
        await catalog.RefreshAsync(cancellationToken);
        var hits = WatchlistFinder.Find(catalog.Current().Lists, words);
        if (json) output.WriteLine(CliJson.Serialize(new { query = words, results = hits.Select(h => Json(h.Entry)) }));
        else if (hits.Count == 0) output.WriteLine($"No entry in force matches '{words}'.");
        else foreach (var hit in hits) output.WriteLine(Line(hit.Entry));
        return CliApp.Ok;
    }

    public static object Json(WatchlistEntry e) => new
    {
        list = e.ListId, id = e.EntryId, type = e.Type.ToString().ToLowerInvariant(), name = e.Name, aliases = e.Aliases.Select(a => a.Name),
        originalScript = e.OriginalScriptNames, programs = e.Programs, listedOn = e.ListedOn?.ToString("yyyy-MM-dd"),
        identifiers = e.Identifiers.Select(i => new { kind = i.Kind, value = i.Value, valid = i.Valid }), link = e.Link?.ToString(),
    };

    /// <summary>One line: list, type, name, programs, listing date, identifiers, link.</summary>
    public static string Line(WatchlistEntry e) => string.Join(" | ", new[]
    {
        e.ListId, e.Type.ToString().ToLowerInvariant(), e.Name, string.Join(", ", e.Programs), e.ListedOn is { } on ? $"listed {on:yyyy-MM-dd}" : "",
        string.Join(", ", e.Identifiers.Select(i => $"{i.Kind} {i.Value}")), e.Link?.ToString() ?? "",
    }.Where(p => p.Length > 0));
}
