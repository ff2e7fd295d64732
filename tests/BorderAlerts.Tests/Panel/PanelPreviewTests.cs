using System.Net;
using BorderAlerts.Tests.Infrastructure;

namespace BorderAlerts.Tests.Panel;

/// <summary>
/// The editor's live preview: GET /panel/rules/preview answers the test box's result alone (a fragment for the page's
/// script), the script is served from /panel/panel.js, and the CSP lets only this origin's script run and fetch.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class PanelPreviewTests
{
    static Task<ChatHost> StartAsync()
    {
        var session = new CliSession(Store.Sqlite);
        File.WriteAllText(session.Folder.RulesYaml, Commands.ChatCommandTests.Rules);
        return ChatHost.StartAsync(session, ("PublicUrl", "https://alerts.example.org"));
    }

    static string Preview(string query, string text, string id = "border-smuggling") =>
        $"/panel/rules/preview?id={id}&query={Uri.EscapeDataString(query)}&text={Uri.EscapeDataString(text)}";

    [Fact]
    public async Task The_preview_answers_the_test_box_fragment_for_admins_and_readers_and_sign_in_help_without_a_session()
    {
        await using var host = await StartAsync();
        using var admin = await PanelSignInTests.SignedInAsync(host, admin: true);
        using var reader = await PanelSignInTests.SignedInAsync(host);
        using var stranger = new PanelBrowser(host.BaseAddress);

        var match = await admin.GetAsync(Preview("@dandong AND 煤炭", "丹东海关查获走私煤炭"));
        var noMatch = await reader.GetAsync(Preview("@dandong AND (走私 OR smuggl*)", "丹东口岸恢复通关"));
        var ruleQuery = await admin.GetAsync(Preview("", "丹东海关查获走私煤炭")); // no query: the rule's own, as the page does
        var badQuery = await admin.GetAsync(Preview("丹东 AND (", "丹东"));
        var noText = await admin.GetAsync(Preview("丹东", ""));
        var unknown = await admin.GetAsync(Preview("丹东", "丹东", id: "nope"));
        var noSession = await stranger.GetAsync(Preview("丹东", "丹东"));

        Assert.Equal(HttpStatusCode.OK, match.Status);
        Assert.StartsWith("text/html", match.Response.Content.Headers.ContentType!.ToString());
        Assert.StartsWith("<section aria-label=\"Test result\"><p><strong>Match.</strong> Terms: <mark>丹东</mark>", match.Html);
        Assert.Contains("<mark>煤炭</mark>", match.Html);
        Assert.DoesNotContain("<html", match.Html); // a fragment, not a page
        Assert.Equal(HttpStatusCode.OK, noMatch.Status);
        Assert.Contains("<strong>No match.</strong>", noMatch.Html);
        Assert.Contains("Failed: 走私 OR smuggl* (not found)", noMatch.Html);
        Assert.Contains("<mark>走私</mark>", ruleQuery.Html);
        Assert.Matches(@"^<p role=""alert"">The query cannot be tested: column 9: ", badQuery.Html);
        Assert.Equal("", noText.Html);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.Contains("id: there is no rule &#39;nope&#39;", unknown.Html);
        Assert.Equal(HttpStatusCode.Forbidden, noSession.Status);
        Assert.Contains("type <code>/panel</code>", noSession.Html);
        Assert.DoesNotContain("Match.", noSession.Html);
    }

    [Fact]
    public async Task The_editor_loads_the_script_from_this_origin_into_a_live_region_and_the_csp_allows_only_that()
    {
        await using var host = await StartAsync();
        using var admin = await PanelSignInTests.SignedInAsync(host, admin: true);

        var editor = await admin.GetAsync("/panel/rules/edit?id=border-smuggling&text=" + Uri.EscapeDataString("丹东走私"));
        var script = await admin.GetAsync("/panel/panel.js");
        var csp = editor.Response.Headers.GetValues("Content-Security-Policy").Single();

        Assert.Contains("<script src=\"/panel/panel.js\" defer></script>", editor.Html);
        Assert.Contains("<form id=\"test-form\" method=\"get\" action=\"/panel/rules/edit\">", editor.Html); // still works without script
        Assert.Contains("<div id=\"test-result\" aria-live=\"polite\"><section aria-label=\"Test result\"><p><strong>Match.</strong>", editor.Html);
        Assert.Equal(HttpStatusCode.OK, script.Status);
        Assert.Equal("text/javascript; charset=utf-8", script.Response.Content.Headers.ContentType!.ToString());
        Assert.Contains("/panel/rules/preview?", script.Html);
        Assert.Contains("script-src 'self';", csp);
        Assert.Contains("connect-src 'self';", csp);
        Assert.DoesNotContain("unsafe", csp);
    }
}
