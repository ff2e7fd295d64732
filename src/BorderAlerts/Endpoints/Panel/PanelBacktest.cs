using BorderAlerts.Core.Panel;
using System.Globalization;
using System.Text;
using BorderAlerts.Core.Rules;
using BorderAlerts.Core.Rules.Query;
using BorderAlerts.Core.Search;
using BorderAlerts.Core.Storage;
using static BorderAlerts.Endpoints.Panel.PanelHtml;

namespace BorderAlerts.Endpoints.Panel;

/// <summary>
/// GET /panel/rules/backtest?query=…(&amp;id=): a query (saved or not; without one, rule <c>id</c>'s saved query) over the stored items of the last <see cref="Days"/> days,
/// through the core's <see cref="Backtest"/> (one pass over the window), as a chart of matches per day with the figures in
/// words and as a table, and a few of the items it matched. Any session; a bad query is answered 400 at its column.
/// </summary>
public static class PanelBacktest
{
    public const int Days = 30;
    const int Samples = 5;

    public static async Task<string> RenderAsync(PanelUser user, HttpContext context)
    {
        var services = context.RequestServices;
        var set = services.GetRequiredService<IRuleSource>().Current;
        var id = context.Request.Query["id"].ToString();
        var query = context.Request.Query["query"].ToString() is { Length: > 0 } q ? q : set.Rules.FirstOrDefault(r => r.Id == id)?.Query ?? "";
        if (query.Trim().Length == 0)
            throw new PanelPageException("query: give the query to backtest, or the id of a rule, e.g. /panel/rules/backtest?query=丹东");
        var rule = new RuleDefinition(id.Length > 0 ? id : "new-rule", id, query, Severity.Normal, [], true);
        var (last, since) = DaySeries.Window(services.GetRequiredService<TimeProvider>().GetUtcNow(), Days);
        BacktestResult result;
        try { result = await Backtest.RunAsync(services.GetRequiredService<IItemArchive>(), rule, set.Concepts, since, Samples, context.RequestAborted, set.Watchlists); }
        catch (QuerySyntaxException e) { throw new PanelPageException($"query: column {e.Column}: {e.Problem}"); }

        var series = DaySeries.Ending(last, Days, result.MatchesPerDay);
        var html = new StringBuilder($"<p>Query: <code>{E(query)}</code></p>")
            .Append($"<p>{result.Matched} of {result.Scanned} stored items of the last {Days} days match; {result.WouldAlert} would have alerted ")
            .Append("(the rest came from first polls, which only seed).</p>")
            .Append(SvgBarChart.Render("Matches per day", series)).Append(SvgBarChart.Table("Matches per day", series));
        if (result.Samples.Count > 0)
        {
            html.Append("<h2>Some of the items it matched</h2><ul>");
            foreach (var item in result.Samples)
                html.Append($"<li>{item.Dated.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} {E(item.FeedId)}: {E(item.Title)}</li>");
            html.Append("</ul>");
        }
        if (user.IsAdmin)
            html.Append($"<p><a href=\"/panel/rules/edit?id={Uri.EscapeDataString(id)}&amp;query={Uri.EscapeDataString(query)}\">Back to the editor with this query</a></p>");
        return html.ToString();
    }

    /// <summary>The editor's "Backtest" form: a GET, so it works without script; the query can be changed before it runs.</summary>
    public static string Form(string id, string query) =>
        $"<h2>Backtest</h2><form method=\"get\" action=\"/panel/rules/backtest\"><input type=\"hidden\" name=\"id\" value=\"{E(id)}\">" +
        $"<p><label for=\"backtest-query\">Query to backtest over the last {Days} days of stored items</label><br>" +
        $"<textarea id=\"backtest-query\" name=\"query\" rows=\"3\" cols=\"80\">{E(query)}</textarea></p><p><button type=\"submit\">Backtest</button></p></form>";
}
