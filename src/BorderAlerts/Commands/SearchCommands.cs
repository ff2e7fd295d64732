using BorderAlerts.Core.Search;

namespace BorderAlerts.Commands;

/// <summary>`/search`: the archive search, five compact cards at a time, with a button for the next five.</summary>
public sealed class SearchCommands(ArchiveSearch search)
{
    public const int PageSize = 5;

    public Task<CommandReply> SearchAsync(CommandRequest request, CancellationToken cancellationToken) =>
        PageAsync(new SearchRequest(request.Required("query"), PageSize, request.Option("since"), request.Option("source"), request.Option("lang")),
            cancellationToken);

    /// <summary>One page of results; also what the "more" button runs.</summary>
    public async Task<CommandReply> PageAsync(SearchRequest query, CancellationToken cancellationToken)
    {
        var outcome = await search.SearchAsync(query, cancellationToken);
        var from = query.Offset + 1;
        var text = outcome.Hits.Count == 0
            ? query.Offset == 0 ? $"No results for {Quote(query)}." : $"No more results for {Quote(query)}."
            : $"Results {from}–{query.Offset + outcome.Hits.Count} for {Quote(query)}, best first:";
        if (outcome.Capped) text += $" (stopped after examining {outcome.Examined} items: add words or since: to narrow it)";
        return new CommandReply(text, outcome.Hits, outcome.More ? query with { Offset = query.Offset + PageSize } : null);
    }

    static string Quote(SearchRequest q) =>
        $"“{q.Query}”" + string.Concat(new[] { ("since", q.Since), ("source", q.Source), ("lang", q.Language) }
            .Where(o => o.Item2 is not null).Select(o => $" {o.Item1}:{o.Item2}"));
}
