using BorderAlerts.Core.Panel;
using System.Globalization;
using System.Text;
using BorderAlerts.Commands;
using BorderAlerts.Core.Admin;
using static BorderAlerts.Endpoints.Panel.PanelHtml;

namespace BorderAlerts.Endpoints.Panel;

/// <summary>
/// GET /panel/history: every change from chat or the panel, newest first, <see cref="PageSize"/> a page (<c>before</c>: a change
/// id, for older ones), optionally of one <c>target</c>. Admins get an Undo button on each change that can be undone;
/// POST /panel/history/undo (<c>id</c>) undoes it with chat's checks (<see cref="AdminHistory"/>), audited as the panel user.
/// </summary>
public static class PanelHistoryPage
{
    public const int PageSize = 50;

    public static async Task<PanelAnswer> ListAsync(PanelUser user, HttpContext context) => new(await RenderAsync(user, context, null));

    public static Task<PanelAnswer> UndoAsync(PanelUser user, HttpContext context) =>
        PanelForms.ActAsync(user, context, "Undo", "Only admins undo changes", "a change id", async id =>
        {
            try
            {
                var undo = await context.RequestServices.GetRequiredService<AdminHistory>().UndoAsync(id, PanelForms.Caller(user), context.RequestAborted);
                return ($"/panel/history?undone={id}&as={undo.Id}", null);
            }
            catch (Exception e) when (e is CommandInputException or AdminConflictException) { return (null, $"#{id} was not undone: {e.Message}"); }
        }, problem => RenderAsync(user, context, problem));

    static async Task<string> RenderAsync(PanelUser user, HttpContext context, string? problem)
    {
        var query = context.Request.Query;
        var target = query["target"].ToString().Trim() is { Length: > 0 } t ? t : null;
        long? before = null;
        if (query["before"].ToString() is { Length: > 0 } b)
            before = long.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : throw new PanelPageException($"before: '{b}' is not a change id.");
        var services = context.RequestServices;
        var history = services.GetRequiredService<AdminHistory>();
        var changes = await services.GetRequiredService<AdminWriter>().HistoryAsync(target, before, PageSize + 1, context.RequestAborted);
        var token = PanelEndpoints.Token(context);

        var html = new StringBuilder();
        if (problem is not null) html.Append($"<p role=\"alert\"><strong>Not undone.</strong> {E(problem)}</p>");
        if (query["undone"].ToString() is { Length: > 0 } undone) html.Append($"<p role=\"status\">Change #{E(undone)} undone, as change #{E(query["as"])}.</p>");
        html.Append("<form method=\"get\" action=\"/panel/history\"><p><label for=\"history-target\">Only changes to (a rule, feed or job id)</label> ")
            .Append($"<input id=\"history-target\" name=\"target\" value=\"{E(target)}\"> <button type=\"submit\">Filter</button></p></form>");
        html.Append($"<table><caption>{(target is null ? "Changes from chat and the panel" : $"Changes to {E(target)}")}, newest first</caption><thead><tr>")
            .Append(string.Concat(new[] { "Change", "When (UTC)", "Who", "Action", "Target", "Before", "After", "Undo" }.Select(h => $"<th scope=\"col\">{h}</th>")))
            .Append("</tr></thead><tbody>");
        foreach (var c in changes.Take(PageSize))
        {
            html.Append($"<tr><td>#{c.Id}</td><td>{PanelForms.Time(c.At)}</td><td>{E(c.Actor)}</td><td>{E(c.Action)}</td><td>{E(c.Target)}</td>")
                .Append($"<td>{E(AdminChangeText.Describe(c.Kind, c.Before))}</td><td>{E(AdminChangeText.Describe(c.Kind, c.After))}</td><td>")
                .Append(c.Undoes is { } undid ? $"undid #{undid}" : c.UndoneBy is { } by ? $"undone by #{by}" : "");
            if (user.IsAdmin && history.UndoBlocker(c) is null) html.Append(PanelForms.Button("/panel/history/undo", c.Id, token, $"Undo #{c.Id}"));
            html.Append("</td></tr>");
        }
        html.Append("</tbody></table>");
        if (changes.Count == 0) html.Append("<p>No changes yet.</p>");
        var filter = target is null ? "" : $"target={Uri.EscapeDataString(target)}&";
        html.Append("<nav aria-label=\"Pages\">");
        if (before is not null) html.Append($"<a href=\"/panel/history?{E(filter)}\">Newest changes</a> ");
        if (changes.Count > PageSize) html.Append($"<a href=\"/panel/history?{E(filter)}before={changes[PageSize - 1].Id}\" rel=\"next\">Older changes</a>");
        return html.Append("</nav>").ToString();
    }
}
