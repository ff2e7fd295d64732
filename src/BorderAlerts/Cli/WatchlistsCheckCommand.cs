using System.CommandLine;
using BorderAlerts.Core.Watchlists;
using BorderAlerts.Hosting;

namespace BorderAlerts.Cli;

/// <summary>
/// `watchlists check &lt;id&gt; [--json]`: fetch and read one list now (unconditionally), show what it holds by type,
/// what was kept, filtered out and skipped, and a few entries. Stores nothing. Exit 1 if the list fails.
/// </summary>
public static class WatchlistsCheckCommand
{
    const int Samples = 5;

    public static Command Create(TextWriter output)
    {
        var id = new Argument<string>("id") { Description = "A watchlist id from watchlists.yaml" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("check", "Fetch and read one watchlist now: counts by type, samples; stores nothing") { id, json };
        command.SetAction((parse, ct) => RunAsync(output, parse.GetValue(id)!, parse.GetValue(json), ct));
        return command;
    }

    static async Task<int> RunAsync(TextWriter output, string id, bool json, CancellationToken cancellationToken)
    {
        await using var app = AppHost.Build(service: false);
        var list = WatchlistsCommand.Resolve(app.Services, id);
        var read = await app.Services.GetRequiredService<WatchlistDownload>().ReadAsync(list, null, null, cancellationToken);
        var (entries, counts, error) = read switch
        {
            WatchlistRead.Read r => (r.Entries, r.Counts, (string?)null),
            WatchlistRead.Failed f => ([], null, f.Error),
            _ => ([], null, "unexpected 304 on an unconditional request"),
        };
        if (json) output.WriteLine(CliJson.Serialize(Json(list, entries, counts, error)));
        else Print(output, list, entries, counts, error);
        return error is null ? CliApp.Ok : CliApp.Failure;
    }

    static Dictionary<string, int> ByType(IReadOnlyList<WatchlistEntry> entries) =>
        entries.GroupBy(e => Type(e)).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count());

    static string Type(WatchlistEntry entry) => entry.Type.ToString().ToLowerInvariant();

    static object Json(WatchlistDefinition list, IReadOnlyList<WatchlistEntry> entries, WatchlistCounts? counts, string? error) => new
    {
        watchlist = list.Id, url = list.Url.ToString(), format = list.Format.Name(), ok = error is null, error,
        kept = counts?.Entries, filteredOut = counts?.FilteredOut, ignored = counts?.Ignored, skipped = counts?.Skipped,
        published = counts?.PublishedOn, declaredCount = counts?.DeclaredCount, byType = ByType(entries),
        samples = entries.Take(Samples).Select(WatchlistsFindCommand.Json),
    };

    static void Print(TextWriter output, WatchlistDefinition list, IReadOnlyList<WatchlistEntry> entries, WatchlistCounts? counts, string? error)
    {
        output.WriteLine($"{list.Id} ({list.Format.Name()}) {list.Url}");
        if (error is not null || counts is null) { output.WriteLine($"FAILED: {error}"); return; }
        output.WriteLine($"{counts}; programs: {list.Programs}" + (counts.PublishedOn is { } on ? $"; published {on}" : ""));
        if (counts.Ignored > 0) output.WriteLine($"{counts.Ignored} records of a kind lists do not designate, ignored");
        output.WriteLine("by type: " + string.Join(", ", ByType(entries).Select(t => $"{t.Key} {t.Value}")));
        foreach (var entry in entries.Take(Samples)) output.WriteLine("  " + WatchlistsFindCommand.Line(entry));
    }
}
