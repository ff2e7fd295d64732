using BorderAlerts.Core.Panel;
using Microsoft.AspNetCore.Antiforgery;

namespace BorderAlerts.Endpoints.Panel;

/// <summary>
/// The web panel under /panel, served by the same app as the chat endpoints: GET /panel/login?token= (a one-time link
/// from `/panel` in chat) starts a session, POST /panel/logout ends it (anti-forgery token required), and the pages show
/// only how to get a link to anyone without a session. Every answer carries a Content-Security-Policy that allows only
/// this origin's stylesheet and script (/panel/panel.js; no inline script, no eval) and fetches to this origin, no
/// framing, and no referrer leaving with the link's token.
/// </summary>
public static class PanelEndpoints
{
    const string NoSession = "You are not signed in, or your session has ended (sessions last 8 hours).";
    const string Csp = "default-src 'self'; script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static void MapPanel(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/panel"))
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = Csp;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                headers.CacheControl = "no-cache, no-store"; // as antiforgery wants it on pages with a form (else it rewrites it and logs a warning)
                headers.Pragma = "no-cache";
            }
            await next(context);
        });
        var panel = app.MapGroup("/panel");
        panel.MapGet("/panel.css", () => Results.Text(PanelHtml.Css, "text/css; charset=utf-8"));
        panel.MapGet("/panel.js", () => Results.Text(PanelScript.Js, "text/javascript; charset=utf-8"));
        panel.MapGet("/login", async (HttpContext context, PanelSessions sessions, string? token) =>
            await sessions.SignInAsync(context, token) ? Results.Redirect("/panel")
                : PanelHtml.SignInHelp("This sign-in link cannot be used: it was used already, has expired (links last 10 minutes) or is not a link BorderAlerts gave."));
        panel.MapPost("/logout", async (HttpContext context, PanelSessions sessions, IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
                return PanelHtml.BadRequest("Sign-out refused: the form's __RequestVerificationToken is missing or not valid. Sign out from a panel page.");
            await sessions.SignOutAsync(context);
            return PanelHtml.SignInHelp("You are signed out.", StatusCodes.Status200OK);
        });
        panel.MapGet("", Signed((user, _) => Task.FromResult(
            $"<p>Welcome, {PanelHtml.E(user.Name)}. As {(user.IsAdmin ? "an admin" : "a reader")} you can see every page{(user.IsAdmin ? " and edit rules" : "")}.</p>" +
            "<p>Pages: <a href=\"/panel/feeds\">Sources</a>, the feeds' health, charts and (admins) pause, resume and add; <a href=\"/panel/rules\">Rules</a>, with charts, an editor, a test box and a backtest; " +
            "<a href=\"/panel/search\">Search</a> in the archive; <a href=\"/panel/alerts\">Alerts</a>, what was sent where, with a resend of dead letters for admins; " +
            "<a href=\"/panel/history\">History</a>, every change from chat or the panel, with undo for admins.</p>"), "Overview"));
        panel.MapGet("/feeds", Signed(PanelFeedsPage.RenderAsync, "Sources"));
        panel.MapPost("/feeds", Answer(PanelFeedActions.PostAsync, "Sources"));
        panel.MapGet("/feeds/source", Signed(PanelFeedsPage.SourceAsync, "Source"));
        panel.MapGet("/rules", Signed((user, context) => PanelRulesPage.ListAsync(context, user, Token(context)), "Rules"));
        panel.MapGet("/rules/edit", Answer((user, context) => Task.FromResult(user.IsAdmin ? new PanelAnswer(PanelRulesPage.Edit(context, Token(context)))
            : new PanelAnswer("<p>Only admins edit rules; the list is on <a href=\"/panel/rules\">Rules</a>.</p>", StatusCodes.Status403Forbidden)), "Edit a rule"));
        panel.MapGet("/rules/preview", Fragment(PanelPreview.Render));
        panel.MapPost("/rules", Answer(PanelRuleSave.SaveAsync, "Edit a rule"));
        foreach (var action in PanelRuleActions.Actions.Keys)
            panel.MapPost("/rules/" + action, Answer((user, context) => PanelRuleActions.PostAsync(action, user, context), "Rules"));
        panel.MapGet("/rules/backtest", Signed(PanelBacktest.RenderAsync, "Backtest a query"));
        panel.MapGet("/search", Answer(PanelSearchPage.RenderAsync, "Search"));
        panel.MapGet("/alerts", Answer(PanelAlertsPage.ListAsync, "Alerts"));
        panel.MapPost("/alerts/resend", Answer(PanelAlertsPage.ResendAsync, "Alerts"));
        panel.MapGet("/history", Answer(PanelHistoryPage.ListAsync, "History"));
        panel.MapPost("/history/undo", Answer(PanelHistoryPage.UndoAsync, "History"));
    }

    static Func<HttpContext, Task<IResult>> Signed(Func<PanelUser, HttpContext, Task<string>> body, string title) =>
        Answer(async (user, context) => new PanelAnswer(await body(user, context)), title);

    /// <summary>The anti-forgery token for this session's forms (the same for every form on a page).</summary>
    internal static string Token(HttpContext context) =>
        context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context).RequestToken!;

    /// <summary>A page only a session sees; a <see cref="PanelPageException"/> from the body is a 400 naming the bad parameter.</summary>
    static Func<HttpContext, Task<IResult>> Answer(Func<PanelUser, HttpContext, Task<PanelAnswer>> body, string title) => async context =>
    {
        var services = context.RequestServices;
        if (await services.GetRequiredService<PanelSessions>().CurrentAsync(context) is not { } user)
            return PanelHtml.SignInHelp(NoSession);
        try
        {
            var answer = await body(user, context);
            return answer.RedirectTo is { } to ? Results.Redirect(to) : PanelHtml.Page(title, user, Token(context), answer.Html, answer.Status);
        }
        catch (PanelPageException e) { return PanelHtml.BadRequest(e.Message); }
    };

    /// <summary>A piece of a page for the panel's script, without the frame; a session is needed all the same.</summary>
    static Func<HttpContext, Task<IResult>> Fragment(Func<HttpContext, string> body) => async context =>
    {
        if (await context.RequestServices.GetRequiredService<PanelSessions>().CurrentAsync(context) is null) return PanelHtml.SignInHelp(NoSession);
        try { return Results.Content(body(context), "text/html; charset=utf-8"); }
        catch (PanelPageException e) { return PanelHtml.BadRequest(e.Message); }
    };
}

/// <summary>A page's body, its status, or where to go instead (after a saved form).</summary>
public sealed record PanelAnswer(string Html, int Status = StatusCodes.Status200OK, string? RedirectTo = null);

/// <summary>A page's query parameter was wrong; the message names it and what it may be.</summary>
public sealed class PanelPageException(string message) : Exception(message);
