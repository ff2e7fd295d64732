using System.Globalization;
using System.Text;
using BorderAlerts.Core.Feeds;
using BorderAlerts.Core.Storage;
using static BorderAlerts.Endpoints.Panel.PanelHtml;

namespace BorderAlerts.Endpoints.Panel;

/// <summary>
/// GET /panel/feeds: every source's health from the store, <see cref="PageSize"/> a page (<c>page</c>, from 1), sorted by
/// the <c>sort</c> parameter (a column key, <c>-</c> first for descending). The same for readers and admins.
/// </summary>
public static class PanelFeedsPage
{
    public const int PageSize = 50;

    sealed record Row(string Id, string Name, string Status, DateTimeOffset? LastSuccess, int Failures, string? LastError, int ItemsPerDay);

    static readonly (string Key, string Label, Func<IEnumerable<Row>, bool, IEnumerable<Row>> Sort)[] Columns =
    [
        ("id", "Id", (rows, down) => By(rows, r => r.Id, down)),
        ("name", "Name", (rows, down) => By(rows, r => r.Name, down)),
        ("status", "Status", (rows, down) => By(rows, r => r.Status, down)),
        ("last-success", "Last success (UTC)", (rows, down) => By(rows, r => r.LastSuccess, down)),
        ("failures", "Failures in a row", (rows, down) => By(rows, r => r.Failures, down)),
        ("last-error", "Last error", (rows, down) => By(rows, r => r.LastError, down)),
        ("items", "Items per day", (rows, down) => By(rows, r => r.ItemsPerDay, down)),
    ];

    public static async Task<string> RenderAsync(HttpContext context)
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
        var clock = services.GetRequiredService<TimeProvider>();
        var names = services.GetRequiredService<IFeedCatalog>().Current().Feeds.ToDictionary(f => f.Id, f => f.Name);
        var health = await services.GetRequiredService<IFeedHealthReader>().ListHealthAsync(clock.GetUtcNow(), context.RequestAborted);
        var rows = column.Sort(health.Select(h => new Row(h.FeedId, names.GetValueOrDefault(h.FeedId, h.FeedId), Status(h), h.LastSuccessAt,
            h.ConsecutiveFailures, h.LastError, h.ItemsLast24h)), sort.StartsWith('-')).ToList();
        var pages = Math.Max(1, (rows.Count + PageSize - 1) / PageSize);

        var html = new StringBuilder($"<p>{rows.Count} sources; page {Math.Min(page, pages)} of {pages}.</p><table><caption>Sources' health</caption><thead><tr>");
        foreach (var (key, label, _) in Columns)
        {
            var next = sort == key ? "-" + key : key; // a second click reverses
            html.Append($"<th scope=\"col\"><a href=\"/panel/feeds?sort={next}\">{label}</a></th>");
        }
        html.Append("</tr></thead><tbody>");
        foreach (var row in rows.Skip((page - 1) * PageSize).Take(PageSize))
            html.Append($"<tr><td>{E(row.Id)}</td><td>{E(row.Name)}</td><td>{row.Status}</td><td>{Time(row.LastSuccess)}</td>")
                .Append($"<td>{row.Failures}</td><td>{E(row.LastError)}</td><td>{row.ItemsPerDay}</td></tr>");
        html.Append("</tbody></table><nav aria-label=\"Pages\">");
        if (page > 1) html.Append($"<a href=\"/panel/feeds?sort={E(sort)}&amp;page={page - 1}\" rel=\"prev\">Previous page</a> ");
        if (page < pages) html.Append($"<a href=\"/panel/feeds?sort={E(sort)}&amp;page={page + 1}\" rel=\"next\">Next page</a>");
        return html.Append("</nav>").ToString();
    }

    static string Status(FeedHealth h) =>
        !h.Enabled ? "paused" : h.LastAttemptAt is null ? "not polled yet" : h.ConsecutiveFailures > 0 ? "failing" : "ok";

    static string Time(DateTimeOffset? time) => time?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "never";

    static IEnumerable<Row> By<T>(IEnumerable<Row> rows, Func<Row, T> key, bool descending) =>
        (descending ? rows.OrderByDescending(key) : rows.OrderBy(key)).ThenBy(r => r.Id, StringComparer.Ordinal);
}
