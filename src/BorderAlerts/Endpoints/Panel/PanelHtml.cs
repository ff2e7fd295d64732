using BorderAlerts.Core.Panel;
using System.Net;
using System.Text;

namespace BorderAlerts.Endpoints.Panel;

/// <summary>
/// The panel's page frame: plain server-rendered HTML that works without script, one stylesheet and one small script
/// of our own (/panel/panel.css, /panel/panel.js: the rule editor's live preview). Every
/// text from a user, a feed or the store goes through <see cref="E"/> (HTML-encoded) before it is written.
/// </summary>
public static class PanelHtml
{
    /// <summary>The pages the panel has or will have, in the order of the navigation.</summary>
    static readonly (string Path, string Label)[] Nav =
        [("/panel", "Overview"), ("/panel/feeds", "Sources"), ("/panel/rules", "Rules"), ("/panel/search", "Search"), ("/panel/alerts", "Alerts"), ("/panel/history", "History")];

    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>A full page for a signed-in user: header with who and what role, navigation, sign-out form, then <paramref name="body"/> (already HTML).</summary>
    public static IResult Page(string title, PanelUser user, string logoutToken, string body, int status = StatusCodes.Status200OK)
    {
        var html = new StringBuilder();
        Head(html, title);
        html.Append("<header><p class=\"who\">Signed in as <strong>").Append(E(user.Name)).Append("</strong> (").Append(E(user.Platform))
            .Append(' ').Append(E(user.UserId)).Append("), role <strong>").Append(user.Role).Append("</strong></p>")
            .Append("<form method=\"post\" action=\"/panel/logout\"><input type=\"hidden\" name=\"__RequestVerificationToken\" value=\"")
            .Append(E(logoutToken)).Append("\"><button type=\"submit\">Sign out</button></form>")
            .Append("<nav aria-label=\"Panel pages\"><ul>");
        foreach (var (path, label) in Nav) html.Append("<li><a href=\"").Append(path).Append("\">").Append(label).Append("</a></li>");
        html.Append("</ul></nav></header><main><h1>").Append(E(title)).Append("</h1>").Append(body).Append("</main></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8", statusCode: status);
    }

    /// <summary>A page for someone without a session (or with a spent link): only how to get a link.</summary>
    public static IResult SignInHelp(string problem, int status = StatusCodes.Status403Forbidden)
    {
        var html = new StringBuilder();
        Head(html, "Sign in");
        html.Append("<main><h1>BorderAlerts panel</h1><p>").Append(E(problem)).Append("</p>")
            .Append("<p>To sign in, type <code>/panel</code> in Discord or Slack where BorderAlerts answers commands. ")
            .Append("It answers privately with a link that works once, for 10 minutes.</p></main></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8", statusCode: status);
    }

    public static IResult BadRequest(string problem) => Results.Content(
        $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Bad request</title></head><body><p>{E(problem)}</p></body></html>",
        "text/html; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);

    static void Head(StringBuilder html, string title) => html
        .Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .Append("<title>").Append(E(title)).Append(" · BorderAlerts</title><link rel=\"stylesheet\" href=\"/panel/panel.css\">")
        .Append("<script src=\"/panel/panel.js\" defer></script></head><body>");

    /// <summary>High-contrast, readable defaults; focus stays visible for keyboard users.</summary>
    public const string Css = """
        body { font-family: system-ui, sans-serif; color: #111; background: #fff; margin: 0 1rem 2rem; line-height: 1.4; }
        header { border-bottom: 1px solid #555; padding: .5rem 0; }
        header form { display: inline; }
        nav ul { list-style: none; padding: 0; display: flex; gap: 1rem; flex-wrap: wrap; }
        a { color: #0645ad; } a:focus, button:focus { outline: 3px solid #000; outline-offset: 2px; }
        table { border-collapse: collapse; } th, td { border: 1px solid #555; padding: .25rem .5rem; text-align: left; vertical-align: top; }
        th a { color: #111; }
        """;
}
