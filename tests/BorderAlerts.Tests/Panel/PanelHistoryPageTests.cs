using System.Net;
using System.Text.RegularExpressions;
using BorderAlerts.Tests.Infrastructure;

namespace BorderAlerts.Tests.Panel;

/// <summary>
/// /panel/history: every change from chat or the panel, newest first, with an Undo button for admins on what can be undone;
/// POST /panel/history/undo undoes with chat's checks (both stores), refuses readers (403), posts without a token (400) and
/// changes that cannot be undone (the reason, nothing written).
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class PanelHistoryPageTests
{
    const string Original = "query: @dandong AND (走私 OR smuggl*)";

    static async Task<ChatHost> StartAsync(Store store)
    {
        var session = new CliSession(store);
        File.WriteAllText(session.Folder.RulesYaml, Commands.ChatCommandTests.Rules + """

              - id: other-rule
                name: "<b>Other</b>"
                query: "sanctions"
            """);
        return await ChatHost.StartAsync(session, ("PublicUrl", "https://alerts.example.org"));
    }

    /// <summary>Saves a rule in the panel's editor, as an admin does.</summary>
    static async Task SaveAsync(PanelBrowser admin, string query, string id = "border-smuggling")
    {
        var token = PanelBrowser.FormToken((await admin.GetAsync("/panel/rules/edit?id=" + id)).Html);
        var saved = await admin.PostFormAsync("/panel/rules", ("__RequestVerificationToken", token), ("id", id), ("name", "Coal at Dandong"),
            ("query", query), ("severity", "critical"), ("to", ""), ("enabled", "true"));
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
    }

    static async Task<PanelPage> UndoAsync(PanelBrowser browser, string id) =>
        await browser.PostFormAsync("/panel/history/undo", ("__RequestVerificationToken", PanelBrowser.FormToken((await browser.GetAsync("/panel/history")).Html)), ("id", id));

    static string Show(ChatAnswer answer) => Regex.Replace(answer.Json.GetProperty("data").GetProperty("content").GetString()!, @"\\(.)", "$1");

    static async Task<string> RuleAsync(ChatHost host, string id = "border-smuggling") => Show(await host.DiscordAsync("rules", "show", new { id }));

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task An_admin_undoes_a_panel_rule_edit_and_the_rule_is_back_as_before(Store store)
    {
        await using var host = await StartAsync(store);
        using var admin = await PanelSignInTests.SignedInAsync(host, admin: true);
        await SaveAsync(admin, "@dandong AND 煤炭");

        var before = await admin.GetAsync("/panel/history");
        var edited = await RuleAsync(host);
        var undone = await UndoAsync(admin, "1");
        var after = await admin.GetAsync(undone.Response.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Matches(@"<tr><td>#1</td><td>\d{4}-\d\d-\d\d \d\d:\d\d</td><td>panel:discord:u-admin \(alice\)</td><td>rules edit</td><td>border-smuggling</td>" +
            @"<td>as in the files</td><td>Coal at Dandong &#183; query: @dandong AND 煤炭 &#183; severity: critical &#183; to: \(default\) &#183; enabled</td><td>" +
            "<form method=\"post\" action=\"/panel/history/undo\">", before.Html);
        Assert.Contains("<button type=\"submit\">Undo #1</button>", before.Html);
        Assert.Contains("query: @dandong AND 煤炭", edited);
        Assert.Equal(HttpStatusCode.Redirect, undone.Status);
        Assert.Equal("/panel/history?undone=1&as=2", undone.Response.Headers.Location!.OriginalString);
        Assert.Contains("Change #1 undone, as change #2.", after.Html);
        Assert.Matches(@"<tr><td>#2</td><td>[^<]+</td><td>panel:discord:u-admin \(alice\)</td><td>undo #1</td><td>border-smuggling</td><td>Coal at Dandong[^<]+</td><td>as in the files</td><td>undid #1</td></tr>", after.Html);
        Assert.Contains("<td>undone by #2</td></tr>", after.Html);
        Assert.DoesNotContain("action=\"/panel/history/undo\"", after.Html); // an undo and an undone change: nothing left to undo
        Assert.Contains(Original, await RuleAsync(host));
        Assert.Contains("panel:discord:u-admin (alice): undo #1 border-smuggling", Show(await host.DiscordAsync("rules", "history")));
    }

    [Fact]
    public async Task A_reader_sees_the_history_without_undo_and_is_refused_and_an_undo_without_its_token_is_refused()
    {
        await using var host = await StartAsync(Store.Sqlite);
        using var admin = await PanelSignInTests.SignedInAsync(host, admin: true);
        using var reader = await PanelSignInTests.SignedInAsync(host);
        await SaveAsync(admin, "@dandong AND 煤炭");

        var page = await reader.GetAsync("/panel/history");
        var readerUndo = await UndoAsync(reader, "1");
        var noToken = await admin.PostFormAsync("/panel/history/undo", ("id", "1"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("<td>#1</td>", page.Html);
        Assert.DoesNotContain("/panel/history/undo", page.Html);
        Assert.Equal(HttpStatusCode.Forbidden, readerUndo.Status);
        Assert.Contains("Only admins undo changes", readerUndo.Html);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.Status);
        Assert.Contains("__RequestVerificationToken is missing or not valid", noToken.Html);
        Assert.Equal(1, await StoreProbe.For(host.Services).CountAsync("admin_changes"));
        Assert.Contains("query: @dandong AND 煤炭", await RuleAsync(host));
    }

    [Fact]
    public async Task A_change_that_cannot_be_undone_is_answered_with_the_reason_and_nothing_is_written()
    {
        await using var host = await StartAsync(Store.Sqlite);
        using var admin = await PanelSignInTests.SignedInAsync(host, admin: true);
        await SaveAsync(admin, "@dandong AND 煤炭");  // #1
        await SaveAsync(admin, "@dandong AND 海产"); // #2

        var changedAgain = await UndoAsync(admin, "1");
        Assert.Equal(HttpStatusCode.Redirect, (await UndoAsync(admin, "2")).Status); // #3 undoes #2
        var anUndo = await UndoAsync(admin, "3");
        var undoneAlready = await UndoAsync(admin, "2");
        var unknown = await UndoAsync(admin, "99");
        var notAnId = await UndoAsync(admin, "first");

        Assert.Equal(HttpStatusCode.Conflict, changedAgain.Status);
        Assert.Contains("<p role=\"alert\"><strong>Not undone.</strong> #1 was not undone: border-smuggling changed again after #1; undo the later change first", changedAgain.Html);
        Assert.Contains("<td>#1</td>", changedAgain.Html); // the history is shown under the reason
        Assert.Equal(HttpStatusCode.Conflict, anUndo.Status);
        Assert.Contains("#3 is itself an undo (of #2)", anUndo.Html);
        Assert.Contains("#2 was undone already, by #3.", undoneAlready.Html);
        Assert.Contains("There is no change #99.", unknown.Html);
        Assert.Equal(HttpStatusCode.BadRequest, notAnId.Status);
        Assert.Contains("id: &#39;first&#39; is not a change id.", notAnId.Html);
        Assert.Equal(3, await StoreProbe.For(host.Services).CountAsync("admin_changes"));
        Assert.Contains("query: @dandong AND 煤炭", await RuleAsync(host));
    }

    [Fact]
    public async Task The_history_filters_by_target_pages_newest_first_and_encodes_its_text()
    {
        await using var host = await StartAsync(Store.Sqlite);
        using var admin = await PanelSignInTests.SignedInAsync(host, admin: true);
        await SaveAsync(admin, "sanctions AND <script>", id: "other-rule"); // #1
        for (var i = 0; i < BorderAlerts.Endpoints.Panel.PanelHistoryPage.PageSize; i++) await SaveAsync(admin, $"@dandong AND 煤炭{i}"); // #2 …

        var first = await admin.GetAsync("/panel/history");
        var older = await admin.GetAsync("/panel/history?before=2");
        var other = await admin.GetAsync("/panel/history?target=other-rule");
        var badBefore = await admin.GetAsync("/panel/history?before=x");

        var last = BorderAlerts.Endpoints.Panel.PanelHistoryPage.PageSize + 1;
        Assert.StartsWith($"<tr><td>#{last}</td>", first.Html[first.Html.IndexOf("<tr><td>#", StringComparison.Ordinal)..]);
        Assert.Contains("href=\"/panel/history?before=2\" rel=\"next\">Older changes</a>", first.Html);
        Assert.DoesNotContain("<td>#1</td>", first.Html);
        Assert.Contains("<td>#1</td>", older.Html);
        Assert.Contains("<td>#1</td>", other.Html);
        Assert.DoesNotContain("<td>#2</td>", other.Html);
        Assert.Contains("query: sanctions AND &lt;script&gt;", other.Html);
        Assert.DoesNotContain("<script>", other.Html);
        Assert.Contains("value=\"other-rule\"", other.Html);
        Assert.Equal(HttpStatusCode.BadRequest, badBefore.Status);
    }
}
