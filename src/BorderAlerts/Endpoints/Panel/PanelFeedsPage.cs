using BorderAlerts.Core.Panel;
using System.Globalization;
using System.Text;
using BorderAlerts.Core.Feeds;
using BorderAlerts.Core.Storage;
using static BorderAlerts.Endpoints.Panel.PanelHtml;

namespace BorderAlerts.Endpoints.Panel;

/// <summary>
/// GET /panel/feeds: every source in the catalog with its health from the store, <see cref="PageSize"/> a page (<c>page</c>,
/// from 1), sorted by the <c>sort</c> parameter (a column key, <c>-</c> first for descending), each row with its items per day
/// over <see cref="ChartDays"/> days (one grouped query for the page's sources only), linked to a full-size chart of its own
/// (<see cref="SourceAsync"/>), and its median delays to detection and to delivery (<see cref="SourceLatencies"/>, every source,
/// so they sort). Admins also get pause/resume per row
/// and the "Add a source" form (<see cref="PanelFeedActions"/>).
/// </summary>
public static class PanelFeedsPage
{
    public const int PageSize = 50, ChartDays = 30;

    sealed record Row(string Id, string Name, string Status, DateTimeOffset? LastSuccess, int Failures, string? LastError, int ItemsPerDay, bool Paused,
        SourceLatency Latency);

    static readonly (string Key, string Label, Func<IEnumerable<Row>, bool, IEnumerable<Row>> Sort)[] Columns =
    [
        ("id", "Id", (rows, down) => By(rows, r => r.Id, down)),
        ("name", "Name", (rows, down) => By(rows, r => r.Name, down)),
        ("status", "Status", (rows, down) => By(rows, r => r.Status, down)),
        ("last-success", "Last success (UTC)", (rows, down) => By(rows, r => r.LastSuccess, down)),
        ("failures", "Failures in a row", (rows, down) => By(rows, r => r.Failures, down)),
        ("last-error", "Last error", (rows, down) => By(rows, r => r.LastError, down)),
        ("items", "Items per day", (rows, down) => By(rows, r => r.ItemsPerDay, down)),
        ("detection", "Publication to detection (median, 7 days)", (rows, down) => By(rows, r => r.Latency.Detection, down)),
        ("delivery", "Detection to delivery (median, 7 days)", (rows, down) => By(rows, r => r.Latency.Delivery, down)),
    ];

    public static async Task<string> RenderAsync(PanelUser user, HttpContext context)
    {
        var query = context.Request.Query;
        var sort = query["sort"].ToString() is { Length: > 0 } s ? s : "id";
        var column = Columns.FirstOrDefault(c => c.Key == sort.TrimStart('-'));
        if (column.Key is null)
            throw new PanelPageException($"sort: '{sort}' is not a column; use one of {string.Join(", ", Columns.Select(c => c.Key))}, with - first for descending.");
        var page = 1;
        if (query["page"].ToString() is { Length: > 0 } p && (!int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1))
            throw new PanelPageException($"page: '{p}' is not a page number (1, 2, …).");

        var services = context.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var health = (await services.GetRequiredService<IFeedHealthReader>().ListHealthAsync(now, context.RequestAborted)).ToDictionary(h => h.FeedId);
        var latency = await SourceLatencies.ReadAsync(services.GetRequiredService<ISourceLatencyReader>(), now, context.RequestAborted);
        // The catalog, not the store, says what a source is now: a pause or an addition shows before the next poll syncs it.
        var rows = column.Sort(services.GetRequiredService<IFeedCatalog>().Current().Feeds
                .Select(f => RowOf(f, health.GetValueOrDefault(f.Id), latency.GetValueOrDefault(f.Id, SourceLatency.None))),
            sort.StartsWith('-')).ToList();
        var pages = Math.Max(1, (rows.Count + PageSize - 1) / PageSize);
        var shown = rows.Skip((page - 1) * PageSize).Take(PageSize).ToList();
        var (lastDay, since) = DaySeries.Window(now, ChartDays);
        var perDay = await services.GetRequiredService<IActivityReader>().ItemsPerDayAsync([.. shown.Select(r => r.Id)], since, context.RequestAborted);
        var token = user.IsAdmin ? PanelEndpoints.Token(context) : "";

        var html = new StringBuilder(PanelFeedActions.Notice(query)).Append($"<p>{rows.Count} sources; page {Math.Min(page, pages)} of {pages}.</p><table><caption>Sources' health</caption><thead><tr>");
        foreach (var (key, label, _) in Columns)
        {
            var next = sort == key ? "-" + key : key; // a second click reverses
            html.Append($"<th scope=\"col\"><a href=\"/panel/feeds?sort={next}\">{label}</a></th>");
        }
        html.Append($"<th scope=\"col\">Items, last {ChartDays} days</th>").Append(user.IsAdmin ? "<th scope=\"col\">Pause or resume</th>" : "").Append("</tr></thead><tbody>");
        foreach (var row in shown)
        {
            html.Append($"<tr><td>{E(row.Id)}</td><td>{E(row.Name)}</td><td>{row.Status}</td><td>{Time(row.LastSuccess)}</td>")
                .Append($"<td>{row.Failures}</td><td>{E(row.LastError)}</td><td>{row.ItemsPerDay}</td>")
                .Append($"<td>{SourceLatency.Describe(row.Latency.Detection)}</td><td>{SourceLatency.Describe(row.Latency.Delivery)}</td>")
                .Append($"<td><a href=\"/panel/feeds/source?id={Uri.EscapeDataString(row.Id)}\">")
                .Append(SvgBarChart.Render($"Items from {row.Id} per day", DaySeries.Ending(lastDay, ChartDays, perDay.GetValueOrDefault(row.Id)), sparkline: true))
                .Append("</a></td>");
            if (user.IsAdmin) html.Append("<td>").Append(PanelFeedActions.SwitchButton(row.Id, row.Paused, token)).Append("</td>");
            html.Append("</tr>");
        }
        html.Append("</tbody></table><nav aria-label=\"Pages\">");
        if (page > 1) html.Append($"<a href=\"/panel/feeds?sort={E(sort)}&amp;page={page - 1}\" rel=\"prev\">Previous page</a> ");
        if (page < pages) html.Append($"<a href=\"/panel/feeds?sort={E(sort)}&amp;page={page + 1}\" rel=\"next\">Next page</a>");
        html.Append("</nav>");
        if (user.IsAdmin) html.Append(PanelFeedActions.AddForm(new Dictionary<string, string>(), token, null));
        return html.ToString();
    }

    /// <summary>GET /panel/feeds/source?id=: one source's items per day over <see cref="ChartDays"/> days, as a full-size chart and a table.</summary>
    public static async Task<string> SourceAsync(PanelUser user, HttpContext context)
    {
        var services = context.RequestServices;
        var id = context.Request.Query["id"].ToString();
        var feed = services.GetRequiredService<IFeedCatalog>().Current().Feeds.FirstOrDefault(f => f.Id == id)
            ?? throw new PanelPageException($"id: there is no source '{id}' (see /panel/feeds).");
        var (lastDay, since) = DaySeries.Window(services.GetRequiredService<TimeProvider>().GetUtcNow(), ChartDays);
        var perDay = await services.GetRequiredService<IActivityReader>().ItemsPerDayAsync([id], since, context.RequestAborted);
        var series = DaySeries.Ending(lastDay, ChartDays, perDay.GetValueOrDefault(id));
        return $"<p><strong>{E(feed.Id)}</strong>: {E(feed.Name)}{(feed.Enabled ? "" : " (paused)")}</p>" +
            SvgBarChart.Render($"Items from {feed.Id} per day", series) + SvgBarChart.Table($"Items from {feed.Id} per day", series) +
            "<p><a href=\"/panel/feeds\">All sources</a></p>";
    }

    static Row RowOf(FeedDefinition f, FeedHealth? h, SourceLatency latency) =>
        new(f.Id, f.Name, Status(f, h), h?.LastSuccessAt, h?.ConsecutiveFailures ?? 0, h?.LastError, h?.ItemsLast24h ?? 0, !f.Enabled, latency);

    static string Status(FeedDefinition feed, FeedHealth? h) =>
        !feed.Enabled ? "paused" : h?.LastAttemptAt is null ? "not polled yet" : h.ConsecutiveFailures > 0 ? "failing" : "ok";

    static string Time(DateTimeOffset? time) => time?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "never";

    static IEnumerable<Row> By<T>(IEnumerable<Row> rows, Func<Row, T> key, bool descending) =>
        (descending ? rows.OrderByDescending(key) : rows.OrderBy(key)).ThenBy(r => r.Id, StringComparer.Ordinal);
}
