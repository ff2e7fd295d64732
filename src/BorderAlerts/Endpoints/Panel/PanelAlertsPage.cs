using BorderAlerts.Core.Panel;
using System.Text;
using BorderAlerts.Core.Delivery;
using static BorderAlerts.Endpoints.Panel.PanelHtml;

namespace BorderAlerts.Endpoints.Panel;

/// <summary>
/// GET /panel/alerts: what was sent where, newest first, <see cref="PageSize"/> a page, optionally of one <c>status</c>
/// (pending, retrying, sent, dead), from <see cref="IDeliveryLog"/>: destinations by name only, never their addresses or
/// tokens. Admins get a Resend button on each dead letter: POST /panel/alerts/resend (<c>id</c>) puts it back in the outbox,
/// due now with its attempts reset, and records who did it on the delivery (shown here) and in the log.
/// </summary>
public static class PanelAlertsPage
{
    public const int PageSize = 50;

    public static async Task<PanelAnswer> ListAsync(PanelUser user, HttpContext context) => new(await RenderAsync(user, context, null));

    public static Task<PanelAnswer> ResendAsync(PanelUser user, HttpContext context) =>
        PanelForms.ActAsync(user, context, "Resend", "Only admins send alerts again", "a delivery id", async id =>
        {
            var services = context.RequestServices;
            var actor = PanelForms.Caller(user).Actor;
            if (!await services.GetRequiredService<IDeliveryLog>().ResendAsync(id, actor, services.GetRequiredService<TimeProvider>().GetUtcNow(), context.RequestAborted))
                return (null, $"Delivery #{id} is not dead-lettered (or does not exist): only dead letters can be sent again.");
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PanelAlertsPage))
                .LogInformation("Dead-lettered delivery {Delivery} put back in the outbox by {Actor}", id, actor);
            return ($"/panel/alerts?resent={id}", null);
        }, problem => RenderAsync(user, context, problem));

    static async Task<string> RenderAsync(PanelUser user, HttpContext context, string? problem)
    {
        var shown = context.Request.Query["status"].ToString();
        DeliveryStatus? status = shown.Length == 0 ? null : Enum.TryParse<DeliveryStatus>(shown, ignoreCase: true, out var s) && !int.TryParse(shown, out _) ? s
            : throw new PanelPageException($"status: '{shown}' is not a status; use pending, retrying, sent or dead.");
        var page = PanelForms.Page(context);
        var entries = await context.RequestServices.GetRequiredService<IDeliveryLog>().ListAsync(status, (page - 1) * PageSize, PageSize + 1, context.RequestAborted);
        var token = PanelEndpoints.Token(context);

        var html = new StringBuilder();
        if (problem is not null) html.Append($"<p role=\"alert\"><strong>Not sent again.</strong> {E(problem)}</p>");
        if (context.Request.Query["resent"].ToString() is { Length: > 0 } resent)
            html.Append($"<p role=\"status\">Delivery #{E(resent)} is back in the outbox; the next delivery pass sends it.</p>");
        html.Append("<nav aria-label=\"Show only\"><ul><li><a href=\"/panel/alerts\">All</a></li>");
        foreach (var one in Enum.GetValues<DeliveryStatus>())
            html.Append($"<li><a href=\"/panel/alerts?status={Key(one)}\"{(one == status ? " aria-current=\"page\"" : "")}>{Label(one)}</a></li>");
        html.Append("</ul></nav>")
            .Append($"<table><caption>{(status is null ? "Deliveries" : Label(status.Value) + " deliveries")}, newest first</caption><thead><tr>")
            .Append(string.Concat(new[] { "Delivery", "Created (UTC)", "Destination", "Rule", "Item", "Status", "Resend" }.Select(h => $"<th scope=\"col\">{h}</th>")))
            .Append("</tr></thead><tbody>");
        foreach (var d in entries.Take(PageSize))
        {
            html.Append($"<tr><td>#{d.Id}{(d.Kind == DeliveryKind.Reply ? " (reply)" : "")}</td><td>{PanelForms.Time(d.CreatedAt)}</td><td>{E(d.Destination)}</td>")
                .Append($"<td>{E(d.RuleId)}</td><td>{E(d.Title)}</td><td>{Describe(d)}</td><td>");
            if (user.IsAdmin && d.Status == DeliveryStatus.Dead) html.Append(PanelForms.Button("/panel/alerts/resend", d.Id, token, $"Resend #{d.Id}"));
            html.Append("</td></tr>");
        }
        html.Append("</tbody></table>");
        if (entries.Count == 0) html.Append("<p>No deliveries here.</p>");
        return html.Append(PanelForms.Pager("/panel/alerts", status is null ? "" : $"status={Key(status.Value)}&", page, entries.Count > PageSize)).ToString();
    }

    static string Describe(DeliveryLogEntry d)
    {
        var text = d.Status switch
        {
            DeliveryStatus.Sent => $"sent {PanelForms.Time(d.SentAt)}{(d.Digest ? ", in a digest" : "")}",
            DeliveryStatus.Pending => $"pending, due {PanelForms.Time(d.NextAttempt)}",
            DeliveryStatus.Retrying => $"retrying: {d.Attempts} failed {(d.Attempts == 1 ? "attempt" : "attempts")}, next attempt {PanelForms.Time(d.NextAttempt)}" +
                (d.Error is null ? "" : $", last error: {d.Error}"),
            _ => $"dead-lettered after {d.Attempts} {(d.Attempts == 1 ? "attempt" : "attempts")}: {d.Error}",
        };
        if (d.ResentBy is not null) text += $" (sent again by {d.ResentBy}, {PanelForms.Time(d.ResentAt)})";
        return E(text);
    }

    static string Key(DeliveryStatus status) => status.ToString().ToLowerInvariant();

    static string Label(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Dead => "Dead-lettered",
        _ => status.ToString(),
    };
}
