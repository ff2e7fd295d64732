using BorderAlerts.Core.Panel;
using System.Text;
using BorderAlerts.Commands;
using BorderAlerts.Core.Feeds;
using BorderAlerts.Core.Rules.Query;
using BorderAlerts.Core.Search;
using static BorderAlerts.Endpoints.Panel.PanelHtml;

namespace BorderAlerts.Endpoints.Panel;

/// <summary>
/// GET /panel/search?q=&amp;page=: the archive search of `/search` and the CLI (<see cref="ArchiveSearch"/>, the query language with
/// since:, source:, lang:), <see cref="PageSize"/> hits a page, best first, each with its stored translation when there is one.
/// A query that does not parse is a 400 showing the problem at its column under the query, kept in the box to fix.
/// </summary>
public static class PanelSearchPage
{
    public const int PageSize = 20;

    public static async Task<PanelAnswer> RenderAsync(PanelUser user, HttpContext context)
    {
        var q = context.Request.Query["q"].ToString();
        var page = PanelForms.Page(context);
        var offset = (page - 1) * PageSize;
        if (offset > ArchiveSearch.MaxLimit)
            throw new PanelPageException($"page: search shows the best {ArchiveSearch.MaxLimit + PageSize} results at most (page {ArchiveSearch.MaxLimit / PageSize + 1}); add words or since: to narrow it.");
        var html = new StringBuilder("<form method=\"get\" action=\"/panel/search\" role=\"search\"><p><label for=\"search-q\">Query</label> ")
            .Append($"<input id=\"search-q\" name=\"q\" size=\"60\" value=\"{E(q)}\"> <button type=\"submit\">Search</button></p>")
            .Append("<p>The rules' query language: AND, OR, NOT, \"phrases\", word*, @concept, since:7d, source:feed-id, lang:ko.</p></form>");
        if (q.Trim().Length == 0) return new(html.ToString());
        SearchOutcome outcome;
        try { outcome = await context.RequestServices.GetRequiredService<ArchiveSearch>().SearchAsync(new SearchRequest(q, PageSize, Offset: offset), context.RequestAborted); }
        catch (QuerySyntaxException e)
        {
            html.Append($"<div role=\"alert\"><p><strong>The query cannot be searched.</strong> Column {e.Column}: {E(e.Problem)}</p>")
                .Append($"<pre>{E(q)}\n{new string(' ', Math.Max(0, e.Column - 1))}^</pre></div>");
            return new(html.ToString(), StatusCodes.Status400BadRequest);
        }
        Results(html, context, q, page, outcome);
        return new(html.ToString());
    }

    static void Results(StringBuilder html, HttpContext context, string q, int page, SearchOutcome outcome)
    {
        var names = context.RequestServices.GetRequiredService<IFeedCatalog>().Current().Feeds.ToDictionary(f => f.Id, f => f.Name);
        var from = (page - 1) * PageSize + 1;
        if (SearchCommands.ExpansionLine(outcome.Expanded) is { } expanded) html.Append($"<p>{E(expanded)}</p>");
        if (outcome.Capped) html.Append($"<p>The search stopped after examining {outcome.Examined} items: add words or since: to narrow it.</p>");
        if (outcome.Hits.Count == 0)
        {
            html.Append(page == 1 ? "<p role=\"status\">No results.</p>" : "<p role=\"status\">No more results.</p>");
            return;
        }
        html.Append($"<table><caption>Results {from}–{from + outcome.Hits.Count - 1}, best first</caption><thead><tr>")
            .Append("<th scope=\"col\">Title (a link to the item)</th><th scope=\"col\">Source</th><th scope=\"col\">Published (UTC)</th></tr></thead><tbody>");
        foreach (var hit in outcome.Hits)
        {
            var item = hit.Item;
            var title = item.Link is { Scheme: "http" or "https" } link ? $"<a href=\"{E(link.AbsoluteUri)}\">{E(item.Title)}</a>" : E(item.Title);
            html.Append($"<tr><td{(item.Language is { } language ? $" lang=\"{E(language)}\"" : "")}>{title}");
            if (hit.TranslatedTitle is { } translated) html.Append($"<br><span lang=\"en\">Machine translation: {E(translated)}</span>");
            html.Append($"</td><td>{E(names.GetValueOrDefault(item.FeedId, item.FeedId))}</td><td>{PanelForms.Time(item.Published ?? item.FirstSeen)}</td></tr>");
        }
        html.Append("</tbody></table>");
        var more = outcome.More && page * PageSize <= ArchiveSearch.MaxLimit;
        html.Append(PanelForms.Pager("/panel/search", $"q={Uri.EscapeDataString(q)}&", page, more));
    }
}
