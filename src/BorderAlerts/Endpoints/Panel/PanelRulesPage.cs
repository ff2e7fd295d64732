using BorderAlerts.Core.Panel;
using System.Text;
using BorderAlerts.Commands;
using BorderAlerts.Core.Admin;
using BorderAlerts.Core.Rules;
using BorderAlerts.Core.Rules.Diagnosis;
using BorderAlerts.Core.Rules.Matching;
using BorderAlerts.Core.Rules.Query;
using BorderAlerts.Core.Storage;
using static BorderAlerts.Endpoints.Panel.PanelHtml;

namespace BorderAlerts.Endpoints.Panel;

/// <summary>
/// /panel/rules: the rule list with each rule's alerts per day (everyone; one grouped query for all rules) and, for admins,
/// edit, enable/disable and remove per row (<see cref="PanelRuleActions"/>); the editor form (admins), the "test a text" box
/// (a GET form, so it works without script: the edited query and the text come back as parameters and the page answers
/// match or why not) and the backtest form (<see cref="PanelBacktest"/>).
/// </summary>
public static class PanelRulesPage
{
    const int ChartDays = 30;

    public static async Task<string> ListAsync(HttpContext context, PanelUser user, string token)
    {
        var services = context.RequestServices;
        var set = services.GetRequiredService<IRuleSource>().Current;
        var overrides = services.GetRequiredService<AdminWriter>().Current;
        var (lastDay, since) = DaySeries.Window(services.GetRequiredService<TimeProvider>().GetUtcNow(), ChartDays);
        var alerts = await services.GetRequiredService<IActivityReader>().AlertsPerDayAsync(since, context.RequestAborted);
        var html = new StringBuilder(PanelRuleActions.Notice(context.Request.Query));
        if (context.Request.Query["saved"].ToString() is { Length: > 0 } saved) html.Append($"<p role=\"status\">Rule {E(saved)} saved; it applies from the next poll.</p>");
        html.Append($"<table><caption>{set.Rules.Count} rules</caption><thead><tr><th scope=\"col\">Id</th><th scope=\"col\">Name</th><th scope=\"col\">Severity</th>")
            .Append("<th scope=\"col\">Destinations</th><th scope=\"col\">Enabled</th><th scope=\"col\">From</th>")
            .Append($"<th scope=\"col\">Alerts, last {ChartDays} days</th>")
            .Append(user.IsAdmin ? "<th scope=\"col\">Edit</th><th scope=\"col\">Switch or remove</th>" : "").Append("</tr></thead><tbody>");
        foreach (var rule in set.Rules)
        {
            html.Append($"<tr><td>{E(rule.Id)}</td><td>{E(rule.Name)}</td><td>{Severity(rule.Severity)}</td><td>{E(Destinations(rule))}</td>")
                .Append($"<td>{(rule.Enabled ? "yes" : "no")}</td><td>{(overrides.Get(AdminKinds.Rule, rule.Id) is null ? "file" : "chat or panel")}</td>")
                .Append($"<td>{SvgBarChart.Render($"Alerts from {rule.Id} per day", DaySeries.Ending(lastDay, ChartDays, alerts.GetValueOrDefault(rule.Id)), sparkline: true)}</td>");
            if (user.IsAdmin)
                html.Append($"<td><a href=\"/panel/rules/edit?id={Uri.EscapeDataString(rule.Id)}\">Edit {E(rule.Id)}</a></td><td>{PanelRuleActions.Buttons(rule.Id, rule.Enabled, token)}</td>");
            html.Append("</tr>");
        }
        html.Append("</tbody></table>");
        foreach (var problem in set.Problems) html.Append($"<p>Skipped: {E(problem.ToString())}</p>");
        if (user.IsAdmin) html.Append("<h2>New rule</h2>").Append(Form(new RuleForm("", null, null, null, null, true), isNew: true, token, null));
        return html.ToString();
    }

    /// <summary>GET /panel/rules/edit?id= (none for a new rule), with <c>query</c> and <c>text</c> from the test box.</summary>
    public static string Edit(HttpContext context, string token)
    {
        var set = context.RequestServices.GetRequiredService<IRuleSource>().Current;
        var query = context.Request.Query;
        var id = query["id"].ToString();
        var (rule, edited) = Edited(set, query);
        var form = rule is null ? new RuleForm("", null, edited, null, null, true)
            : new RuleForm(rule.Id, rule.Name, edited, Severity(rule.Severity), string.Join(", ", rule.To), rule.Enabled);
        var html = new StringBuilder(Form(form, rule is null, token, null));
        // The Test button reloads the page; /panel/panel.js fills #test-result as one types, from /panel/rules/preview.
        html.Append("<h2>Test a text</h2><form id=\"test-form\" method=\"get\" action=\"/panel/rules/edit\">")
            .Append($"<input type=\"hidden\" name=\"id\" value=\"{E(id)}\">")
            .Append($"<p><label for=\"test-query\">Query to test</label><br><textarea id=\"test-query\" name=\"query\" rows=\"3\" cols=\"80\">{E(edited)}</textarea></p>")
            .Append($"<p><label for=\"test-text\">Text</label><br><textarea id=\"test-text\" name=\"text\" rows=\"5\" cols=\"80\">{E(query["text"])}</textarea></p>")
            .Append("<p><button type=\"submit\">Test</button></p></form>")
            .Append($"<div id=\"test-result\" aria-live=\"polite\">{TestResult(set, rule, edited, query["text"].ToString())}</div>");
        html.Append(PanelBacktest.Form(id, edited));
        return html.ToString();
    }

    /// <summary>The rule <c>id</c> names (null for a new rule; an unknown id is a 400) and the query to test: <c>query</c>, else the rule's.</summary>
    internal static (RuleDefinition? Rule, string Query) Edited(RuleSet set, IQueryCollection query)
    {
        var id = query["id"].ToString();
        var rule = id.Length == 0 ? null : set.Rules.FirstOrDefault(r => r.Id == id)
            ?? throw new PanelPageException($"id: there is no rule '{id}' (see /panel/rules).");
        return (rule, query["query"].ToString() is { Length: > 0 } q ? q : rule?.Query ?? "");
    }

    /// <summary>The test box's answer for <paramref name="text"/>, or nothing before a text is given.</summary>
    internal static string TestResult(RuleSet set, RuleDefinition? rule, string query, string text) =>
        text.Length == 0 ? "" : Test(set, rule?.Id ?? "new-rule", query, text);

    /// <summary>The editor; <paramref name="error"/> (a rejected save) is shown above it with the posted values kept.</summary>
    public static string Form(RuleForm form, bool isNew, string token, string? error)
    {
        var html = new StringBuilder();
        if (error is not null) html.Append($"<p role=\"alert\"><strong>Not saved.</strong> {E(error)}</p>");
        html.Append("<form method=\"post\" action=\"/panel/rules\">")
            .Append($"<input type=\"hidden\" name=\"__RequestVerificationToken\" value=\"{E(token)}\">")
            .Append(Field("id", "Id (a–z, 0–9, - and _)", form.Id, isNew ? "" : " readonly"))
            .Append(Field("name", "Name", form.Name, ""))
            .Append($"<p><label for=\"rule-query\">Query</label><br><textarea id=\"rule-query\" name=\"query\" rows=\"4\" cols=\"80\" required>{E(form.Query)}</textarea></p>")
            .Append(Field("severity", "Severity (low, normal, high, critical)", form.Severity ?? "normal", ""))
            .Append(Field("to", "Destinations (comma-separated; empty for the default)", form.To, ""))
            .Append($"<p><input type=\"checkbox\" id=\"rule-enabled\" name=\"enabled\" value=\"true\"{(form.Enabled ? " checked" : "")}> <label for=\"rule-enabled\">Enabled</label></p>")
            .Append("<p><button type=\"submit\">Save</button></p></form>");
        return html.ToString();
    }

    static string Field(string name, string label, string? value, string extra) =>
        $"<p><label for=\"rule-{name}\">{label}</label><br><input id=\"rule-{name}\" name=\"{name}\" value=\"{E(value)}\"{extra}></p>";

    /// <summary>Match or not for the edited query, as `/rules test id:` answers: the terms found, or which parts failed and why.</summary>
    static string Test(RuleSet set, string id, string query, string text)
    {
        QueryNode parsed;
        try { parsed = QueryParser.Parse(query, set.Concepts, set.Watchlists); }
        catch (QuerySyntaxException e) { return $"<p role=\"alert\">The query cannot be tested: column {e.Column}: {E(e.Problem)}</p>"; }
        var rule = new RuleDefinition(id, id, query, Core.Rules.Severity.Normal, [], true);
        var input = new MatchInput(text, text);
        var matches = RuleMatcher.Compile([(rule, parsed)]).Match(input);
        if (matches.Count > 0)
            return "<section aria-label=\"Test result\"><p><strong>Match.</strong> Terms: " +
                string.Join(", ", matches[0].Terms.Select(t => $"<mark>{E(t.Term)}</mark> ({E(t.Excerpt)})").Distinct()) + "</p></section>";
        var why = WhyNot.Describe(WhyNot.Diagnose(rule, set.Concepts, input, set.Watchlists), maxDepth: 3);
        return $"<section aria-label=\"Test result\"><p><strong>No match.</strong> Why not:</p><pre>{E(why)}</pre></section>";
    }

    static string Severity(Severity severity) => severity.ToString().ToLowerInvariant();

    static string Destinations(RuleDefinition rule) => rule.To.Count == 0 ? "(default)" : string.Join(", ", rule.To);
}
