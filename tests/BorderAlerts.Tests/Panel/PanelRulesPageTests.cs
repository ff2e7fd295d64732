using System.Net;
using System.Text.RegularExpressions;
using BorderAlerts.Tests.Infrastructure;

namespace BorderAlerts.Tests.Panel;

/// <summary>
/// /panel/rules: the list for everyone, the editor and its "test a text" box for admins, POST /panel/rules saving through the
/// chat's checks as an audited override (both stores), readers and token-less posts refused, every rule text HTML-encoded.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed partial class PanelRulesPageTests(FeedServer server) : IClassFixture<FeedServer>
{
    const string Hostile = "<script>alert(1)</script>";

    /// <summary>The chat tests' rules (border-smuggling on @dandong) and a rule named <see cref="Hostile"/>.</summary>
    static async Task<ChatHost> StartAsync(Store store, Uri? feed = null)
    {
        var session = new CliSession(store);
        if (feed is not null) session.WriteFeeds($"feeds:\n  - id: k\n    url: {feed}\n");
        File.WriteAllText(session.Folder.RulesYaml, Commands.ChatCommandTests.Rules + $"""

              - id: hostile
                name: "{Hostile}"
                query: "sanctions"
            """);
        return await ChatHost.StartAsync(session, ("PublicUrl", "https://alerts.example.org"));
    }

    static (string, string)[] Fields(string token, string query, string to = "", string id = "border-smuggling") =>
        [("__RequestVerificationToken", token), ("id", id), ("name", "Coal at Dandong"), ("query", query), ("severity", "critical"), ("to", to), ("enabled", "true")];

    static async Task<string> EditorTokenAsync(PanelBrowser browser) => PanelBrowser.FormToken((await browser.GetAsync("/panel/rules/edit?id=border-smuggling")).Html);

    static string Discord(ChatAnswer answer) =>
        Regex.Replace(answer.Json.GetProperty("data").GetProperty("content").GetString()!, @"\\(.)", "$1");

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task An_admin_saves_a_rule_in_the_panel_and_the_next_poll_alerts_with_it(Store store)
    {
        var url = server.Serve(Responses.Bytes(FeedXml.Rss("k", [new Entry("Seoul weather", "https://example.org/w/1")]), Responses.Rss));
        await using var host = await StartAsync(store, url);
        await host.PollAllAsync(); // seeds
        using var admin = await PanelSignInTests.SignedInAsync(host, admin: true);

        var list = await admin.GetAsync("/panel/rules");
        var saved = await admin.PostFormAsync("/panel/rules", Fields(await EditorTokenAsync(admin), "@dandong AND 煤炭"));
        var after = await admin.GetAsync(saved.Response.Headers.Location!.OriginalString);
        var editor = await admin.GetAsync("/panel/rules/edit?id=border-smuggling");
        server.Answer(url, Responses.Bytes(FeedXml.Rss("k", [new Entry("Seoul weather", "https://example.org/w/1"),
            new Entry("丹东查获朝鲜煤炭", "https://example.org/w/2")]), Responses.Rss)); // no 走私: only the edited query matches
        await host.PollAllAsync();

        Assert.Contains("<td>border-smuggling</td><td>Smuggling at Dandong</td><td>high</td><td>(default)</td><td>yes</td><td>file</td>", list.Html);
        Assert.Contains("<a href=\"/panel/rules/edit?id=border-smuggling\">", list.Html);
        Assert.Contains("<form method=\"post\" action=\"/panel/rules\">", list.Html);
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal("/panel/rules?saved=border-smuggling", saved.Response.Headers.Location!.OriginalString);
        Assert.Contains("Rule border-smuggling saved", after.Html);
        Assert.Contains("<td>border-smuggling</td><td>Coal at Dandong</td><td>critical</td><td>(default)</td><td>yes</td><td>chat or panel</td>", after.Html);
        Assert.Contains(">@dandong AND 煤炭</textarea>", editor.Html);
        Assert.Contains("query: @dandong AND 煤炭", Discord(await host.DiscordAsync("rules", "show", new { id = "border-smuggling" })));
        Assert.Contains("border-smuggling matches.", Discord(await host.DiscordAsync("rules", "test", new { text = "丹东查获煤炭", id = "border-smuggling" })));
        Assert.Contains("panel:discord:u-admin (alice): rules edit border-smuggling", Discord(await host.DiscordAsync("rules", "history")));
        Assert.Equal(1, await StoreProbe.For(host.Services).CountAsync("alerts", "rule_id = 'border-smuggling'"));
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task A_rejected_rule_comes_back_in_the_form_with_the_problem_and_nothing_is_saved(Store store)
    {
        await using var host = await StartAsync(store);
        using var admin = await PanelSignInTests.SignedInAsync(host, admin: true);
        var token = await EditorTokenAsync(admin);

        var badQuery = await admin.PostFormAsync("/panel/rules", Fields(token, "丹东 AND ("));
        var badDestination = await admin.PostFormAsync("/panel/rules", Fields(token, "丹东", to: "nowhere"));
        var badId = await admin.PostFormAsync("/panel/rules", Fields(token, "丹东", id: "Bad!Id"));

        Assert.Equal(HttpStatusCode.BadRequest, badQuery.Status);
        Assert.Matches(@"<p role=""alert""><strong>Not saved.</strong> query: column \d+: ", badQuery.Html);
        Assert.Contains(">丹东 AND (</textarea>", badQuery.Html);
        Assert.Contains("value=\"Coal at Dandong\"", badQuery.Html);
        Assert.Equal(HttpStatusCode.BadRequest, badDestination.Status);
        Assert.Contains("There is no destination &#39;nowhere&#39; in the settings.", badDestination.Html);
        Assert.Contains("&#39;Bad!Id&#39; is not a valid rule id", badId.Html);
        Assert.Equal(0, await StoreProbe.For(host.Services).CountAsync("admin_changes"));
        Assert.Contains("query: @dandong AND (走私 OR smuggl*)", Discord(await host.DiscordAsync("rules", "show", new { id = "border-smuggling" })));
    }

    [Fact]
    public async Task A_reader_sees_no_editor_and_is_refused_and_a_post_without_its_token_is_refused()
    {
        await using var host = await StartAsync(Store.Sqlite);
        using var reader = await PanelSignInTests.SignedInAsync(host);
        using var admin = await PanelSignInTests.SignedInAsync(host, admin: true);

        var list = await reader.GetAsync("/panel/rules");
        var editor = await reader.GetAsync("/panel/rules/edit?id=border-smuggling");
        var readerPost = await reader.PostFormAsync("/panel/rules", Fields(PanelBrowser.FormToken(list.Html), "丹东"));
        var noToken = await admin.PostFormAsync("/panel/rules", Fields("", "丹东")[1..]);
        var foreignToken = await admin.PostFormAsync("/panel/rules", Fields(PanelBrowser.FormToken(list.Html), "丹东")); // the reader's token

        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Contains("<td>border-smuggling</td>", list.Html);
        Assert.DoesNotContain("action=\"/panel/rules\"", list.Html);
        Assert.DoesNotContain("/panel/rules/edit", list.Html);
        Assert.Equal(HttpStatusCode.Forbidden, editor.Status);
        Assert.Equal(HttpStatusCode.Forbidden, readerPost.Status);
        Assert.Contains("Only admins change rules", readerPost.Html);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.Status);
        Assert.Contains("__RequestVerificationToken is missing or not valid", noToken.Html);
        Assert.Equal(HttpStatusCode.BadRequest, foreignToken.Status);
        Assert.Equal(0, await StoreProbe.For(host.Services).CountAsync("admin_changes"));
    }

    [Fact]
    public async Task The_test_box_says_match_with_the_terms_or_no_match_with_why_not()
    {
        await using var host = await StartAsync(Store.Sqlite);
        using var admin = await PanelSignInTests.SignedInAsync(host, admin: true);
        static string Test(string query, string text) =>
            $"/panel/rules/edit?id=border-smuggling&query={Uri.EscapeDataString(query)}&text={Uri.EscapeDataString(text)}";

        var match = await admin.GetAsync(Test("@dandong AND 煤炭", "丹东海关查获走私煤炭"));
        var noMatch = await admin.GetAsync(Test("@dandong AND (走私 OR smuggl*)", "丹东口岸恢复通关"));
        var badQuery = await admin.GetAsync(Test("丹东 AND (", "丹东"));
        var newRule = await admin.GetAsync(Test("sanctions", Hostile + " sanctions"));

        Assert.Contains("<strong>Match.</strong> Terms: <mark>丹东</mark>", match.Html);
        Assert.Contains("<mark>煤炭</mark>", match.Html);
        Assert.Contains(">@dandong AND 煤炭</textarea>", match.Html); // the tested query is in the editor, ready to save
        Assert.Contains("<strong>No match.</strong>", noMatch.Html);
        Assert.Contains("Failed: 走私 OR smuggl* (not found)", noMatch.Html);
        Assert.Contains("✓ @dandong: 丹东", noMatch.Html);
        Assert.Matches(@"The query cannot be tested: column \d+: ", badQuery.Html);
        Assert.Contains("<strong>Match.</strong>", newRule.Html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; sanctions</textarea>", newRule.Html);
        Assert.DoesNotContain(Hostile, newRule.Html);
    }

    [Fact]
    public async Task Rule_text_from_the_file_is_html_encoded_and_an_unknown_rule_is_named()
    {
        await using var host = await StartAsync(Store.Sqlite);
        using var admin = await PanelSignInTests.SignedInAsync(host, admin: true);

        var list = await admin.GetAsync("/panel/rules");
        var editor = await admin.GetAsync("/panel/rules/edit?id=hostile");
        var unknown = await admin.GetAsync("/panel/rules/edit?id=nope");

        Assert.Contains("<td>hostile</td><td>&lt;script&gt;alert(1)&lt;/script&gt;</td>", list.Html);
        Assert.Contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt;\"", editor.Html);
        Assert.DoesNotContain(Hostile, list.Html + editor.Html);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.Contains("id: there is no rule &#39;nope&#39;", unknown.Html);
    }
}
