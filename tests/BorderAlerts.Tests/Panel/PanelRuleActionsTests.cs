using System.Net;
using System.Text.RegularExpressions;
using BorderAlerts.Tests.Infrastructure;

namespace BorderAlerts.Tests.Panel;

/// <summary>
/// POST /panel/rules/disable, /enable and /remove: the rules list's buttons, through the chat's RuleWrites as audited overrides
/// (a rule from the file is switched or hidden, never rewritten); readers 403, a post without its token 400, nothing changed.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class PanelRuleActionsTests
{
    static async Task<ChatHost> StartAsync(Store store)
    {
        var session = new CliSession(store);
        File.WriteAllText(session.Folder.RulesYaml, Commands.ChatCommandTests.Rules + "\n  - id: sanctions\n    query: \"制裁 OR sanctions\"\n");
        return await ChatHost.StartAsync(session, ("PublicUrl", "https://alerts.example.org"));
    }

    static string Discord(ChatAnswer answer) => Regex.Replace(answer.Json.GetProperty("data").GetProperty("content").GetString()!, @"\\(.)", "$1");

    static (string, string)[] Fields(string token, string id = "border-smuggling") => [("__RequestVerificationToken", token), ("id", id)];

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task An_admin_disables_enables_and_removes_a_rule_from_the_file(Store store)
    {
        await using var host = await StartAsync(store);
        using var admin = await PanelSignInTests.SignedInAsync(host, admin: true);
        var list = await admin.GetAsync("/panel/rules");
        var token = PanelBrowser.FormToken(list.Html);

        var disabled = await admin.PostFormAsync("/panel/rules/disable", Fields(token));
        var afterDisable = await admin.GetAsync(disabled.Response.Headers.Location!.OriginalString);
        var enabled = await admin.PostFormAsync("/panel/rules/enable", Fields(token));
        var afterEnable = await admin.GetAsync("/panel/rules");
        var removed = await admin.PostFormAsync("/panel/rules/remove", Fields(token));
        var afterRemove = await admin.GetAsync(removed.Response.Headers.Location!.OriginalString);

        Assert.Contains("<form method=\"post\" action=\"/panel/rules/disable\">", list.Html);
        Assert.Contains(">Disable border-smuggling</button>", list.Html);
        Assert.Contains(">Remove border-smuggling</button>", list.Html);
        Assert.Equal("/panel/rules?done=disabled&id=border-smuggling", disabled.Response.Headers.Location!.OriginalString);
        Assert.Contains("<p role=\"status\">Rule border-smuggling disabled;", afterDisable.Html);
        Assert.Contains("<td>border-smuggling</td><td>Smuggling at Dandong</td><td>high</td><td>(default)</td><td>no</td><td>chat or panel</td>", afterDisable.Html);
        Assert.Contains(">Enable border-smuggling</button>", afterDisable.Html);
        Assert.Equal(HttpStatusCode.Redirect, enabled.Status);
        Assert.Contains("<td>border-smuggling</td><td>Smuggling at Dandong</td><td>high</td><td>(default)</td><td>yes</td>", afterEnable.Html);
        Assert.Contains("<p role=\"status\">Rule border-smuggling removed;", afterRemove.Html);
        Assert.DoesNotContain("<td>border-smuggling</td>", afterRemove.Html);
        Assert.Contains("<td>sanctions</td>", afterRemove.Html);
        Assert.DoesNotContain("border-smuggling", Discord(await host.DiscordAsync("rules", "list")));
        var history = Discord(await host.DiscordAsync("rules", "history"));
        Assert.Contains("panel:discord:u-admin (alice): rules remove border-smuggling", history);
        Assert.Contains("panel:discord:u-admin (alice): rules disable border-smuggling", history);
        Assert.Equal(3, await StoreProbe.For(host.Services).CountAsync("admin_changes"));
    }

    [Fact]
    public async Task A_reader_sees_no_buttons_and_is_refused_and_a_post_without_its_token_or_for_no_rule_is_refused()
    {
        await using var host = await StartAsync(Store.Sqlite);
        using var admin = await PanelSignInTests.SignedInAsync(host, admin: true);

        foreach (var action in new[] { "remove", "disable", "enable" })
            await PanelWriteRefusals.AssertAsync(host, "/panel/rules", "/panel/rules/" + action, ("id", "border-smuggling"));
        var unknown = await admin.PostFormAsync("/panel/rules/remove", Fields(PanelBrowser.FormToken((await admin.GetAsync("/panel/rules")).Html), "nope"));

        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.Contains("<strong>Not changed.</strong> There is no rule &#39;nope&#39;", unknown.Html);
        Assert.Equal(0, await StoreProbe.For(host.Services).CountAsync("admin_changes"));
    }
}
