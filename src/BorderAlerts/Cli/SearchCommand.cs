using BorderAlerts.Commands;
using BorderAlerts.Hosting;
using System.CommandLine;
using BorderAlerts.Core.Rules.Query;
using BorderAlerts.Core.Search;

namespace BorderAlerts.Cli;

/// <summary>`search &lt;query&gt; [--limit N] [--json]`: the archive search `/search` uses, for operators and scripts.</summary>
public static class SearchCommand
{
    public static Command Create(TextWriter output)
    {
        var query = new Argument<string>("query") { Description = "A query in the rule language, e.g. '丹东 走私 since:7d'" };
        var limit = new Option<int>("--limit") { Description = $"How many results (1–{ArchiveSearch.MaxLimit}, default 10)", DefaultValueFactory = _ => 10 };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("search", "Search stored items with the rule query language") { query, limit, json };
        command.SetAction((parse, ct) => RunAsync(output, parse.GetValue(query)!, parse.GetValue(limit), parse.GetValue(json), ct));
        return command;
    }

    static async Task<int> RunAsync(TextWriter output, string query, int limit, bool json, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > ArchiveSearch.MaxLimit) throw new CliInputException($"--limit {limit} is outside 1–{ArchiveSearch.MaxLimit}");
        await using var app = AppHost.Build(service: false);
        await AppHost.PrepareAsync(app.Services, cancellationToken);
        SearchOutcome outcome;
        try { outcome = await app.Services.GetRequiredService<ArchiveSearch>().SearchAsync(new SearchRequest(query, limit), cancellationToken); }
        catch (QuerySyntaxException e) { throw new CliInputException($"query, column {e.Column}: {e.Problem}\n  {query}\n  {new string(' ', Math.Max(0, e.Column - 1))}^"); }
        if (json)
        {
            output.WriteLine(CliJson.Serialize(new
            {
                results = outcome.Hits.Select(h => new
                {
                    title = h.Item.Title, url = h.Item.Link?.ToString(), source = h.Item.FeedId, lang = h.Item.Language,
                    published = h.Item.Published ?? h.Item.FirstSeen, translatedTitle = h.TranslatedTitle,
                }),
                expanded = outcome.Expanded.Select(e => new { term = e.Term, concept = e.Concept }),
            }));
            return CliApp.Ok;
        }
        if (SearchCommands.ExpansionLine(outcome.Expanded) is { } expanded) output.WriteLine(expanded);
        foreach (var hit in outcome.Hits)
        {
            output.WriteLine($"{(hit.Item.Published ?? hit.Item.FirstSeen).UtcDateTime:yyyy-MM-dd HH:mm} {hit.Item.FeedId}: {hit.Item.Title}  {hit.Item.Link}");
            if (hit.TranslatedTitle is { } translated) output.WriteLine($"                 machine translation: {translated}");
        }
        if (outcome.Hits.Count == 0) output.WriteLine("no results");
        if (outcome.Capped) output.WriteLine($"(stopped after examining {outcome.Examined} items; narrow the query with more words or since:)");
        return CliApp.Ok;
    }
}
