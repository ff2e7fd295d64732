using System.Net;
using System.Text.RegularExpressions;
using BorderAlerts.Tests.Infrastructure;

namespace BorderAlerts.Tests.Panel;

/// <summary>
/// POST /panel/feeds: admins pause, resume and add sources through the chat's FeedWrites (the address guard, the dry run, the
/// audited override named "panel:&lt;platform&gt;"); readers get 403, a post without its token 400, and nothing changes.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class PanelFeedActionsTests(FeedServer server) : IClassFixture<FeedServer>
{
    static async Task<ChatHost> StartAsync(Store store, params (string, string)[] settings)
    {
        var session = new CliSession(store);
        session.WriteFeeds("feeds:\n  - id: yonhap\n    name: Yonhap\n    url: http://127.0.0.1:9/y.xml\n  - id: kcna\n    url: http://127.0.0.1:9/k.xml\n");
        return await ChatHost.StartAsync(session, [("PublicUrl", "https://alerts.example.org"), .. settings]);
    }

    static async Task<string> TokenAsync(PanelBrowser browser) => PanelBrowser.FormToken((await browser.GetAsync("/panel/feeds")).Html);

    static string Discord(ChatAnswer answer) => Regex.Replace(answer.Json.GetProperty("data").GetProperty("content").GetString()!, @"\\(.)", "$1");

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task An_admin_pauses_and_resumes_a_source_and_the_list_shows_it(Store store)
    {
        await using var host = await StartAsync(store);
        using var admin = await PanelSignInTests.SignedInAsync(host, admin: true);
        var token = await TokenAsync(admin);

        var paused = await admin.PostFormAsync("/panel/feeds", ("__RequestVerificationToken", token), ("action", "pause"), ("id", "yonhap"));
        var list = await admin.GetAsync(paused.Response.Headers.Location!.OriginalString);
        var chat = Discord(await host.DiscordAsync("feeds", "list"));
        var history = Discord(await host.DiscordAsync("rules", "history"));
        var resumed = await admin.PostFormAsync("/panel/feeds", ("__RequestVerificationToken", token), ("action", "resume"), ("id", "yonhap"));
        var after = await admin.GetAsync("/panel/feeds");

        Assert.Equal(HttpStatusCode.Redirect, paused.Status);
        Assert.Equal("/panel/feeds?done=paused&id=yonhap", paused.Response.Headers.Location!.OriginalString);
        Assert.Contains("<p role=\"status\">Source yonhap paused;", list.Html);
        Assert.Contains("<tr><td>yonhap</td><td>Yonhap</td><td>paused</td>", list.Html);
        Assert.Contains(">Resume yonhap</button>", list.Html);
        Assert.Contains(">Pause kcna</button>", list.Html);
        Assert.Contains("yonhap paused", chat);
        Assert.Contains("panel:discord:u-admin (alice): feeds pause yonhap", history);
        Assert.Equal(HttpStatusCode.Redirect, resumed.Status);
        Assert.Contains("<tr><td>yonhap</td><td>Yonhap</td><td>not polled yet</td>", after.Html);
        Assert.Contains(">Pause yonhap</button>", after.Html);
    }

    [Fact]
    public async Task Adding_a_loopback_or_private_address_is_refused_with_the_guards_message_and_the_form_comes_back()
    {
        await using var host = await StartAsync(Store.Sqlite);
        using var admin = await PanelSignInTests.SignedInAsync(host, admin: true);
        var token = await TokenAsync(admin);
        (string, string)[] Add(string url) => [("__RequestVerificationToken", token), ("action", "add"), ("id", "intranet"), ("url", url), ("every", "5m"), ("kind", "wire")];

        var loopback = await admin.PostFormAsync("/panel/feeds", Add("http://127.0.0.1:8080/feed.xml"));
        var privateNet = await admin.PostFormAsync("/panel/feeds", Add("http://10.1.2.3/feed.xml"));
        var badEvery = await admin.PostFormAsync("/panel/feeds", [.. Add("https://example.org/f.xml")[..5], ("every", "soon")]);

        Assert.Equal(HttpStatusCode.BadRequest, loopback.Status);
        Assert.Contains("<strong>Not added.</strong> Refused: address 127.0.0.1 (loopback); set BorderAlerts:Fetch:AllowPrivateAddresses=true to allow.", loopback.Html);
        Assert.Contains("value=\"http://127.0.0.1:8080/feed.xml\"", loopback.Html);
        Assert.Contains("<option selected>wire</option>", loopback.Html);
        Assert.Equal(HttpStatusCode.BadRequest, privateNet.Status);
        Assert.Contains("<strong>Not added.</strong> Refused: address 10.1.2.3 (", privateNet.Html);
        Assert.Contains("every must be a duration of at least 1m", badEvery.Html);
        Assert.Equal(0, await StoreProbe.For(host.Services).CountAsync("admin_changes"));
        Assert.DoesNotContain("intranet", Discord(await host.DiscordAsync("feeds", "list")));
    }

    [Fact]
    public async Task An_admin_dry_runs_then_adds_a_source_where_private_addresses_are_allowed()
    {
        await using var host = await StartAsync(Store.Sqlite, ("Fetch__AllowPrivateAddresses", "true")); // the test's feed server is on loopback
        var url = server.Serve(Responses.Bytes(FeedXml.Rss("nk", [new Entry("단둥 세관 밀수 적발", "https://example.org/ko/1")]), Responses.Rss));
        using var admin = await PanelSignInTests.SignedInAsync(host, admin: true);
        var token = await TokenAsync(admin);
        (string, string)[] add = [("__RequestVerificationToken", token), ("action", "add"), ("id", "nk"), ("url", url.ToString()), ("language", "ko")];

        var dryRun = await admin.PostFormAsync("/panel/feeds", [.. add, ("dry-run", "yes")]);
        var changesAfterDryRun = await StoreProbe.For(host.Services).CountAsync("admin_changes");
        var added = await admin.PostFormAsync("/panel/feeds", add);
        var list = await admin.GetAsync(added.Response.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.OK, dryRun.Status);
        Assert.Contains("Dry run, nothing changed.", dryRun.Html);
        Assert.Contains("단둥 세관 밀수 적발", dryRun.Html);
        Assert.Equal(0, changesAfterDryRun);
        Assert.Equal("/panel/feeds?done=added&id=nk", added.Response.Headers.Location!.OriginalString);
        Assert.Contains("<tr><td>nk</td>", list.Html);
        Assert.Contains("panel:discord:u-admin (alice): feeds add nk", Discord(await host.DiscordAsync("rules", "history")));
    }

    [Fact]
    public async Task A_reader_sees_no_buttons_and_is_refused_and_a_post_without_its_token_or_a_bad_action_or_id_is_refused()
    {
        await using var host = await StartAsync(Store.Sqlite);
        using var admin = await PanelSignInTests.SignedInAsync(host, admin: true);

        await PanelWriteRefusals.AssertAsync(host, "/panel/feeds", "/panel/feeds", ("action", "pause"), ("id", "yonhap"));
        var badAction = await admin.PostFormAsync("/panel/feeds", ("__RequestVerificationToken", await TokenAsync(admin)), ("action", "delete"), ("id", "yonhap"));
        var unknown = await admin.PostFormAsync("/panel/feeds", ("__RequestVerificationToken", await TokenAsync(admin)), ("action", "pause"), ("id", "nope"));

        Assert.Equal(HttpStatusCode.BadRequest, badAction.Status);
        Assert.Contains("action: &#39;delete&#39; is not add, pause or resume.", badAction.Html);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.Contains("There is no feed &#39;nope&#39;", unknown.Html);
        Assert.Equal(0, await StoreProbe.For(host.Services).CountAsync("admin_changes"));
    }
}
