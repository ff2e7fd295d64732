using BorderAlerts.Core.Panel;
using BorderAlerts.Commands;
using BorderAlerts.Core.Admin;
using static BorderAlerts.Endpoints.Panel.PanelHtml;

namespace BorderAlerts.Endpoints.Panel;

/// <summary>
/// POST /panel/rules/remove, /enable and /disable (admins; field <c>id</c>): the list's per-row buttons, through
/// <see cref="RuleWrites.HandleAsync"/> as `/rules remove|enable|disable` in chat, so a rule from the file is hidden or switched
/// by an audited override, never by rewriting the file. Done: back to the list with a status line.
/// </summary>
public static class PanelRuleActions
{
    public static readonly IReadOnlyDictionary<string, string> Actions =
        new Dictionary<string, string> { ["remove"] = "removed", ["enable"] = "enabled", ["disable"] = "disabled" };

    public static async Task<PanelAnswer> PostAsync(string action, PanelUser user, HttpContext context)
    {
        var (fields, refused) = await PanelWriteForm.ReadAsync(user, context, "Change");
        if (refused is not null) return refused;
        var request = PanelWriteForm.Request(user, "rules", action, fields!, "id");
        try
        {
            await context.RequestServices.GetRequiredService<RuleWrites>().HandleAsync(request, context.RequestAborted);
            return new("", RedirectTo: $"/panel/rules?done={Actions[action]}&id={Uri.EscapeDataString(request.Required("id"))}");
        }
        catch (Exception e) when (e is CommandInputException or AdminConflictException)
        {
            return new($"<p role=\"alert\"><strong>Not changed.</strong> {E(e.Message)}</p><p><a href=\"/panel/rules\">Back to the rules</a></p>",
                e is AdminConflictException ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest);
        }
    }

    /// <summary>The status line after a change, from the redirect's <c>done</c> and <c>id</c>.</summary>
    public static string Notice(IQueryCollection query) =>
        Actions.Values.Contains(query["done"].ToString()) && query["id"].ToString() is { Length: > 0 } id
            ? $"<p role=\"status\">Rule {E(id)} {query["done"]}; it applies from the next poll (in chat, /rules undo {E(id)} reverts it).</p>" : "";

    /// <summary>A row's buttons: enable or disable, and remove.</summary>
    public static string Buttons(string id, bool enabled, string token) =>
        Button(enabled ? "disable" : "enable", $"{(enabled ? "Disable" : "Enable")} {E(id)}", id, token) + Button("remove", $"Remove {E(id)}", id, token);

    static string Button(string action, string label, string id, string token) =>
        $"<form method=\"post\" action=\"/panel/rules/{action}\">{PanelWriteForm.TokenField(token)}<input type=\"hidden\" name=\"id\" value=\"{E(id)}\">" +
        $"<button type=\"submit\">{label}</button></form>";
}
