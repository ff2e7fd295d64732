using BorderAlerts.Core.Rules;

namespace BorderAlerts.Endpoints.Panel;

/// <summary>
/// GET /panel/rules/preview?id=&amp;query=&amp;text=: the "test a text" box's answer alone, an HTML fragment that
/// /panel/panel.js puts into the editor's live region as one types. The same answer the page renders after the Test
/// button, so the page works the same without script. Readers may test too; only saving needs an admin.
/// </summary>
public static class PanelPreview
{
    public static string Render(HttpContext context)
    {
        var set = context.RequestServices.GetRequiredService<IRuleSource>().Current;
        var (rule, query) = PanelRulesPage.Edited(set, context.Request.Query);
        return PanelRulesPage.TestResult(set, rule, query, context.Request.Query["text"].ToString());
    }
}
