using BorderAlerts.Core.Panel;
using System.Globalization;
using BorderAlerts.Commands;
using Microsoft.AspNetCore.Antiforgery;
using static BorderAlerts.Endpoints.Panel.PanelHtml;

namespace BorderAlerts.Endpoints.Panel;

/// <summary>What the history, search and alerts pages share: their parameters read and checked, times shown, admins' one-button forms.</summary>
public static class PanelForms
{
    /// <summary>How the audit record names a panel user: "panel:" before the platform tells a panel change from a chat one.</summary>
    public static Caller Caller(PanelUser user) => new("panel:" + user.Platform, user.UserId, user.Name, user.IsAdmin);

    /// <summary>
    /// A one-button form's POST (<see cref="Button"/>): without a valid anti-forgery token a 400 naming the field, for a reader a
    /// 403 (<paramref name="readers"/> says why), a bad <c>id</c> a 400; else <paramref name="act"/> on the id, which answers where
    /// to go once done, or the problem, shown above the page again (<paramref name="page"/>) as a 409 with nothing written.
    /// </summary>
    public static async Task<PanelAnswer> ActAsync(PanelUser user, HttpContext context, string what, string readers, string idMeaning,
        Func<long, Task<(string? RedirectTo, string? Problem)>> act, Func<string, Task<string>> page)
    {
        if (!await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context))
            throw new PanelPageException($"{what} refused: the form's __RequestVerificationToken is missing or not valid. Use the button on the panel's page.");
        if (!user.IsAdmin) return new($"<p>{E(readers)}: your chat role is reader.</p>", StatusCodes.Status403Forbidden);
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (!long.TryParse(form["id"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
            throw new PanelPageException($"id: '{form["id"]}' is not {idMeaning}.");
        var (redirectTo, problem) = await act(id);
        return redirectTo is not null ? new("", RedirectTo: redirectTo) : new(await page(problem!), StatusCodes.Status409Conflict);
    }

    /// <summary>The <c>page</c> parameter (from 1; 1 when absent), or a 400 naming it.</summary>
    public static int Page(HttpContext context)
    {
        var page = 1;
        if (context.Request.Query["page"].ToString() is { Length: > 0 } p && (!int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1))
            throw new PanelPageException($"page: '{p}' is not a page number (1, 2, …).");
        return page;
    }

    public static string Time(DateTimeOffset? time) => time?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "";

    /// <summary>A form with one button that posts <paramref name="id"/> to <paramref name="action"/>, its label naming what it acts on.</summary>
    public static string Button(string action, long id, string token, string label) =>
        $"<form method=\"post\" action=\"{action}\"><input type=\"hidden\" name=\"__RequestVerificationToken\" value=\"{E(token)}\">" +
        $"<input type=\"hidden\" name=\"id\" value=\"{id}\"><button type=\"submit\">{E(label)}</button></form>";

    /// <summary>Previous and next links that keep the page's other parameters (<paramref name="query"/>: already URL-encoded, with a trailing &amp;).</summary>
    public static string Pager(string path, string query, int page, bool more) =>
        "<nav aria-label=\"Pages\">" + (page > 1 ? $"<a href=\"{path}?{E(query)}page={page - 1}\" rel=\"prev\">Previous page</a> " : "") +
        (more ? $"<a href=\"{path}?{E(query)}page={page + 1}\" rel=\"next\">Next page</a>" : "") + "</nav>";
}
