using BorderAlerts.Core.Panel;
using BorderAlerts.Commands;
using Microsoft.AspNetCore.Antiforgery;

namespace BorderAlerts.Endpoints.Panel;

/// <summary>
/// What every panel write checks before it reads its form: the anti-forgery token (400 naming the field), then the role (403 for
/// readers); and how it reaches the chat commands' code: as a <see cref="CommandRequest"/> from an admin caller named
/// "panel:&lt;platform&gt;", so the audited override tells a panel change from a chat one.
/// </summary>
public static class PanelWriteForm
{
    /// <summary>The posted fields, or why not: a 403 answer for a reader (a missing or bad token throws, answered 400).</summary>
    public static async Task<(IFormCollection? Fields, PanelAnswer? Refused)> ReadAsync(PanelUser user, HttpContext context, string what)
    {
        if (!await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context))
            throw new PanelPageException($"{what} refused: the form's __RequestVerificationToken is missing or not valid. Use the panel's own form.");
        if (!user.IsAdmin) return (null, new($"<p>Only admins can do this: your chat role is reader.</p>", StatusCodes.Status403Forbidden));
        return (await context.Request.ReadFormAsync(context.RequestAborted), null);
    }

    public static Caller Caller(PanelUser user) => new("panel:" + user.Platform, user.UserId, user.Name, true);

    /// <summary>A chat command with the form's non-empty <paramref name="names"/> as its options.</summary>
    public static CommandRequest Request(PanelUser user, string command, string subcommand, IFormCollection fields, params string[] names) =>
        new(command, subcommand, names.Where(n => fields[n].ToString().Trim().Length > 0).ToDictionary(n => n, n => fields[n].ToString().Trim()), Caller(user));

    /// <summary>A hidden field with the token, for a form's first line.</summary>
    public static string TokenField(string token) => $"<input type=\"hidden\" name=\"__RequestVerificationToken\" value=\"{PanelHtml.E(token)}\">";
}
