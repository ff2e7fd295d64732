using BorderAlerts.Core.Panel;
using BorderAlerts.Commands;
using BorderAlerts.Core.Rules.Query;
using Microsoft.AspNetCore.Antiforgery;

namespace BorderAlerts.Endpoints.Panel;

/// <summary>
/// POST /panel/rules: the editor's fields saved through <see cref="RuleWrites.SaveAsync"/>, the same checks and audited override as
/// `/rules add|edit` in chat, so every instance applies it. Without a valid anti-forgery token 400, for a reader 403; a rejected
/// rule (bad query at its column, unknown destination, …) comes back in the form with the posted values, nothing saved.
/// </summary>
public static class PanelRuleSave
{
    public static async Task<PanelAnswer> SaveAsync(PanelUser user, HttpContext context)
    {
        var services = context.RequestServices;
        if (!await services.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context))
            throw new PanelPageException("Save refused: the form's __RequestVerificationToken is missing or not valid. Save from the panel's rule editor.");
        if (!user.IsAdmin) return new("<p>Only admins change rules: your chat role is reader.</p>", StatusCodes.Status403Forbidden);
        var fields = await context.Request.ReadFormAsync(context.RequestAborted);
        var enabled = fields["enabled"].ToString() switch
        {
            "true" or "on" => true,
            "" or "false" => false,
            var other => throw new PanelPageException($"enabled: '{other}' is not true or false."),
        };
        var form = new RuleForm(fields["id"].ToString().Trim(), fields["name"], fields["query"], fields["severity"], fields["to"], enabled);
        var isNew = services.GetRequiredService<Core.Rules.IRuleSource>().Current.Rules.All(r => r.Id != form.Id);
        try
        {
            // "panel:" before the platform, so the history tells a panel change from a chat one.
            await services.GetRequiredService<RuleWrites>().SaveAsync(new Caller("panel:" + user.Platform, user.UserId, user.Name, true), form,
                context.RequestAborted);
            return new("", RedirectTo: "/panel/rules?saved=" + Uri.EscapeDataString(form.Id));
        }
        catch (QuerySyntaxException e) { return Rejected(form, isNew, context, $"query: column {e.Column}: {e.Problem}"); }
        catch (CommandInputException e) { return Rejected(form, isNew, context, e.Message); }
    }

    static PanelAnswer Rejected(RuleForm form, bool isNew, HttpContext context, string problem) =>
        new(PanelRulesPage.Form(form, isNew, PanelEndpoints.Token(context), problem), StatusCodes.Status400BadRequest);
}
