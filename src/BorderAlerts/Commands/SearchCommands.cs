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
        if (ExpansionLine(outcome.Expanded) is { } expanded) text = expanded + "\n" + text;
        var next = query.Offset + PageSize;
        return new CommandReply(text, outcome.Hits, outcome.More && next < ArchiveSearch.MaxLimit ? query with { Offset = next } : null);
    }

    /// <summary>
    /// One line saying which words searched a whole concept (`Dandong → @dandong, 露朝 → @dprk/@russia`), and how to
    /// search a word as typed; null when none did. The CLI prints the same line.
    /// </summary>
    public static string? ExpansionLine(IReadOnlyList<Expansion> expanded) => expanded.Count == 0 ? null
        : "Searched by concept: " + string.Join(", ", expanded.GroupBy(e => e.Term).Select(g => $"{g.Key} → {string.Join('/', g.Select(e => "@" + e.Concept))}"))
          + " (every spelling; put a word in \"quotes\" to search only it)";

    static string Quote(SearchRequest q) =>
        $"“{q.Query}”" + string.Concat(new[] { ("since", q.Since), ("source", q.Source), ("lang", q.Language) }
            .Where(o => o.Item2 is not null).Select(o => $" {o.Item1}:{o.Item2}"));
}
