using BorderAlerts.Core.Panel;
using System.Text;
using BorderAlerts.Commands;
using BorderAlerts.Core.Admin;
using BorderAlerts.Core.Feeds;
using static BorderAlerts.Endpoints.Panel.PanelHtml;

namespace BorderAlerts.Endpoints.Panel;

/// <summary>
/// POST /panel/feeds (admins): field <c>action</c> = add | pause | resume with <c>id</c>, and for add <c>url</c>, <c>every</c>,
/// <c>kind</c>, <c>language</c> and <c>dry-run</c> — the options of `/feeds add`, through <see cref="FeedWrites"/>, so the panel
/// gets chat's checks (the address guard refusing private and loopback addresses, the dry-run fetch) and the same audited
/// override. Done: back to the list with a status line; refused: the form again with the problem, nothing changed.
/// </summary>
public static class PanelFeedActions
{
    static readonly string[] AddFields = ["id", "url", "every", "kind", "language", "dry-run"];

    static readonly Dictionary<string, string> Done = new() { ["add"] = "added", ["pause"] = "paused", ["resume"] = "resumed" };

    public static async Task<PanelAnswer> PostAsync(PanelUser user, HttpContext context)
    {
        var (fields, refused) = await PanelWriteForm.ReadAsync(user, context, "Change");
        if (refused is not null) return refused;
        var action = fields!["action"].ToString();
        if (!Done.TryGetValue(action, out var verb)) throw new PanelPageException($"action: '{action}' is not add, pause or resume.");
        var request = PanelWriteForm.Request(user, "feeds", action, fields, action == "add" ? AddFields : ["id"]);
        try
        {
            var reply = await context.RequestServices.GetRequiredService<FeedWrites>().HandleAsync(request, context.RequestAborted);
            if (request.Option("dry-run") == "yes") // shown, nothing changed
                return new(AddForm(request.Options, PanelEndpoints.Token(context), null, $"<pre role=\"status\">{E(reply.Text)}</pre>"),
                    reply.IsError ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
            return new("", RedirectTo: $"/panel/feeds?done={verb}&id={Uri.EscapeDataString(request.Required("id"))}");
        }
        catch (Exception e) when (e is CommandInputException or AdminConflictException)
        {
            var status = e is AdminConflictException ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
            return action == "add" ? new(AddForm(request.Options, PanelEndpoints.Token(context), e.Message), status)
                : new($"<p role=\"alert\"><strong>Not changed.</strong> {E(e.Message)}</p><p><a href=\"/panel/feeds\">Back to the sources</a></p>", status);
        }
    }

    /// <summary>The status line after a change, from the redirect's <c>done</c> and <c>id</c>.</summary>
    public static string Notice(IQueryCollection query) =>
        Done.ContainsValue(query["done"].ToString()) && query["id"].ToString() is { Length: > 0 } id
            ? $"<p role=\"status\">Source {E(id)} {query["done"]}; it applies from the next poll (in chat, /rules undo {E(id)} reverts it).</p>" : "";

    /// <summary>A row's one-button form: pause a running source, resume a paused one.</summary>
    public static string SwitchButton(string id, bool paused, string token) =>
        $"<form method=\"post\" action=\"/panel/feeds\">{PanelWriteForm.TokenField(token)}<input type=\"hidden\" name=\"action\" value=\"{(paused ? "resume" : "pause")}\">" +
        $"<input type=\"hidden\" name=\"id\" value=\"{E(id)}\"><button type=\"submit\">{(paused ? "Resume" : "Pause")} {E(id)}</button></form>";

    /// <summary>The "Add a source" form, with what was posted and the problem (or a dry run's answer) above it.</summary>
    public static string AddForm(IReadOnlyDictionary<string, string> values, string token, string? error, string? result = null)
    {
        var html = new StringBuilder("<h2 id=\"add\">Add a source</h2>");
        if (error is not null) html.Append($"<p role=\"alert\"><strong>Not added.</strong> {E(error)}</p>");
        html.Append(result).Append("<p>RSS, Atom or JSON Feed, as <code>/feeds add</code> in chat: the address is checked (no private or loopback networks) ")
            .Append("and the first poll records items without alerting. A dry run fetches the feed and shows what would be added, changing nothing.</p>")
            .Append($"<form method=\"post\" action=\"/panel/feeds\">{PanelWriteForm.TokenField(token)}<input type=\"hidden\" name=\"action\" value=\"add\">")
            .Append(Field("id", "Id (a–z, 0–9, - and _)", values, " required"))
            .Append(Field("url", "Address (http or https)", values, " type=\"url\" required"))
            .Append(Field("every", "Poll every (e.g. 10m, 2h; empty for 10m)", values, ""))
            .Append(Field("language", "Language tag (e.g. ko, zh-Hans; empty to guess)", values, ""))
            .Append("<p><label for=\"feed-kind\">Kind of outlet</label><br><select id=\"feed-kind\" name=\"kind\"><option value=\"\">(none)</option>");
        foreach (var kind in SourceKinds.Known)
            html.Append($"<option{(values.GetValueOrDefault("kind") == kind ? " selected" : "")}>{E(kind)}</option>");
        return html.Append("</select></p><p><button type=\"submit\" name=\"dry-run\" value=\"yes\">Dry run</button> ")
            .Append("<button type=\"submit\">Add</button></p></form>").ToString();
    }

    static string Field(string name, string label, IReadOnlyDictionary<string, string> values, string extra) =>
        $"<p><label for=\"feed-{name}\">{label}</label><br><input id=\"feed-{name}\" name=\"{name}\" value=\"{E(values.GetValueOrDefault(name))}\"{extra}></p>";
}
