using System.Net;
using System.Text.RegularExpressions;
using System.Security.Cryptography;
using BorderAlerts.Core.Panel;
using BorderAlerts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlerts.Tests.Panel;

/// <summary>
/// Signing in to the web panel through chat: `/panel` answers privately with a one-time link, the link starts one session
/// (cookie HttpOnly, SameSite=Strict, Secure for an https PublicUrl, Path=/panel) and is refused afterwards; an expired
/// link, a forged cookie and a sign-out without its anti-forgery token are refused. Both stores, and two instances sharing PostgreSQL.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class PanelSignInTests
{
    const string PublicUrl = "https://alerts.example.org", Session = BorderAlerts.Endpoints.Panel.PanelSessions.Cookie;

    static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    internal static Task<ChatHost> StartAsync(Store store = Store.Sqlite, string? publicUrl = PublicUrl) =>
        ChatHost.StartAsync(new CliSession(store), publicUrl is null ? [] : [("PublicUrl", publicUrl)]);

    /// <summary>The answer's text and, after it, the link button's address (Discord shows a link as a button, or it would be escaped).</summary>
    internal static async Task<string> DiscordLinkAsync(ChatHost host, bool admin = false)
    {
        var data = (await host.DiscordAsync("panel", null, admin: admin)).Json.GetProperty("data");
        Assert.Equal(64, data.GetProperty("flags").GetInt32()); // private
        var links = data.GetProperty("components").EnumerateArray().SelectMany(row => row.GetProperty("components").EnumerateArray())
            .Where(button => button.GetProperty("style").GetInt32() == 5).Select(button => button.GetProperty("url").GetString());
        var content = Regex.Replace(data.GetProperty("content").GetString()!, @"\\(.)", "$1"); // Discord shows escapes as the character
        return string.Join("\n", [content, .. links]);
    }

    /// <summary>The answer's blocks' text: the message, then the link as Slack writes one (&lt;url|label&gt;).</summary>
    static async Task<string> SlackLinkAsync(ChatHost host, bool admin = false)
    {
        var json = (await host.SlackAsync("/panel", "", admin: admin)).Json;
        Assert.Equal("ephemeral", json.GetProperty("response_type").GetString());
        return string.Join("\n", json.GetProperty("blocks").EnumerateArray().Select(block => block.GetProperty("text").GetProperty("text").GetString()));
    }

    /// <summary>A browser signed in through a link `/panel` gave on Discord.</summary>
    internal static async Task<PanelBrowser> SignedInAsync(ChatHost host, bool admin = false)
    {
        var browser = new PanelBrowser(host.BaseAddress);
        var login = await browser.GetAsync("/panel/login?token=" + PanelBrowser.LinkToken(await DiscordLinkAsync(host, admin)));
        Assert.Equal(HttpStatusCode.Redirect, login.Status);
        return browser;
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task A_panel_link_from_discord_or_slack_signs_in_once_with_the_chat_role(Store store)
    {
        await using var host = await StartAsync(store);
        var discord = await DiscordLinkAsync(host);
        var slack = await SlackLinkAsync(host, admin: true);
        Assert.StartsWith("Your web panel link", discord);
        Assert.Contains($"<{PublicUrl}/panel/login?token=", slack);
        Assert.Contains(PublicUrl + "/panel/login?token=", discord);
        Assert.Contains("as a reader", discord);
        Assert.Contains("as an admin", slack);
        using var reader = new PanelBrowser(host.BaseAddress);
        using var admin = new PanelBrowser(host.BaseAddress);

        var login = await reader.GetAsync("/panel/login?token=" + PanelBrowser.LinkToken(discord));
        var page = await reader.GetAsync("/panel");
        var again = await new PanelBrowser(host.BaseAddress).GetAsync("/panel/login?token=" + PanelBrowser.LinkToken(discord));
        await admin.GetAsync("/panel/login?token=" + PanelBrowser.LinkToken(slack));

        Assert.Equal((HttpStatusCode.Redirect, "/panel"), (login.Status, login.Response.Headers.Location?.ToString()));
        var cookie = login.SetCookie(Session)!.ToLowerInvariant();
        Assert.All(new[] { "httponly", "samesite=strict", "secure", "path=/panel" }, attribute => Assert.Contains(attribute, cookie));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Signed in as <strong>bob</strong> (discord u-reader), role <strong>reader</strong>", page.Html);
        Assert.Equal(HttpStatusCode.Forbidden, again.Status);
        Assert.Contains("type <code>/panel</code>", again.Html);
        Assert.Null(again.SetCookie(Session));
        Assert.Contains("role <strong>admin</strong>", (await admin.GetAsync("/panel")).Html);
        Assert.Equal(0, await StoreProbe.For(host.Services).CountAsync("panel_sign_ins", "kind = 'link'")); // both links spent
    }

    [Fact]
    public async Task Without_a_public_url_panel_says_which_setting_to_set()
    {
        await using var host = await StartAsync(publicUrl: null);

        Assert.Contains("BorderAlerts:PublicUrl", await DiscordLinkAsync(host));
        Assert.Contains("BorderAlerts:PublicUrl", await SlackLinkAsync(host));
    }

    [Fact]
    public async Task An_http_public_url_gives_a_cookie_that_is_not_secure_only()
    {
        await using var host = await StartAsync(publicUrl: "http://127.0.0.1:8080/");
        using var browser = new PanelBrowser(host.BaseAddress);

        var link = await DiscordLinkAsync(host);
        var login = await browser.GetAsync("/panel/login?token=" + PanelBrowser.LinkToken(link));

        Assert.Contains("http://127.0.0.1:8080/panel/login?token=", link);
        Assert.DoesNotContain("secure", login.SetCookie(Session)!.ToLowerInvariant());
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task An_expired_unknown_or_malformed_link_is_refused_without_a_session(Store store)
    {
        await using var host = await StartAsync(store);
        var expired = NewSecret();
        await host.Services.GetRequiredService<IPanelPassStore>().AddAsync(PanelPassKind.Link, PanelSignIn.KeyOf(expired)!,
            new PanelPass(new PanelUser("discord", "u1", "bob", true), DateTimeOffset.UtcNow.AddSeconds(-1)), CancellationToken.None);
        using var browser = new PanelBrowser(host.BaseAddress);

        foreach (var token in new[] { expired, NewSecret(), "not-a-token", "" })
        {
            var refused = await browser.GetAsync("/panel/login?token=" + token);
            Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
            Assert.Contains("type <code>/panel</code>", refused.Html);
        }
        Assert.Empty(browser.Cookies);
    }

    [Fact]
    public async Task A_forged_cookie_counts_as_none()
    {
        await using var host = await StartAsync();
        using var browser = new PanelBrowser(host.BaseAddress);

        foreach (var forged in new[] { NewSecret(), "x", "" })
        {
            browser.Cookies[Session] = forged;
            var page = await browser.GetAsync("/panel/feeds");
            Assert.Equal(HttpStatusCode.Forbidden, page.Status);
            Assert.DoesNotContain("Signed in", page.Html);
            Assert.Contains("type <code>/panel</code>", page.Html);
        }
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task Sign_out_needs_the_anti_forgery_token_and_then_ends_the_session(Store store)
    {
        await using var host = await StartAsync(store);
        using var browser = await SignedInAsync(host);
        var token = PanelBrowser.FormToken((await browser.GetAsync("/panel")).Html);

        var refused = await browser.PostFormAsync("/panel/logout");
        var stillIn = await browser.GetAsync("/panel");
        var stolen = await new PanelBrowser(host.BaseAddress) { Cookies = { [Session] = browser.Cookies[Session] } }
            .PostFormAsync("/panel/logout", ("__RequestVerificationToken", token)); // the token without its cookie
        var session = browser.Cookies[Session];
        var signedOut = await browser.PostFormAsync("/panel/logout", ("__RequestVerificationToken", PanelBrowser.FormToken(stillIn.Html)));
        browser.Cookies[Session] = session; // the old cookie, kept
        var after = await browser.GetAsync("/panel");

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("__RequestVerificationToken", refused.Html);
        Assert.Equal(HttpStatusCode.OK, stillIn.Status);
        Assert.Equal(HttpStatusCode.BadRequest, stolen.Status);
        Assert.Equal(HttpStatusCode.OK, signedOut.Status);
        Assert.Equal(HttpStatusCode.Forbidden, after.Status);
    }

    [Fact]
    public async Task Panel_pages_carry_a_content_security_policy_and_no_referrer()
    {
        await using var host = await StartAsync();
        using var browser = await SignedInAsync(host);

        foreach (var path in new[] { "/panel", "/panel/feeds", "/panel/login?token=x" })
        {
            var headers = (await browser.GetAsync(path)).Response.Headers;
            Assert.Contains("default-src 'self'", headers.GetValues("Content-Security-Policy").Single());
            Assert.Contains("frame-ancestors 'none'", headers.GetValues("Content-Security-Policy").Single());
            Assert.Equal("nosniff", headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("no-referrer", headers.GetValues("Referrer-Policy").Single());
        }
        var page = (await browser.GetAsync("/panel")).Html;
        Assert.Single(Regex.Matches(page, "<script")); // our own file only, no inline script
        Assert.Contains("<script src=\"/panel/panel.js\" defer></script>", page);
    }

    [PostgresFact]
    public async Task A_link_a_session_and_a_form_hold_on_every_instance_sharing_postgres()
    {
        var first = await StartAsync(Store.Postgres);
        await using var _ = first;
        using var secondSession = new CliSession();
        secondSession.Environment.Set("BorderAlerts__Storage__Provider", "postgres")
            .Set("BorderAlerts__Storage__ConnectionString", first.Session.Folder.Postgres!.ConnectionString);
        await using var second = await ChatHost.StartAsync(secondSession, ("PublicUrl", PublicUrl));
        var token = PanelBrowser.LinkToken(await DiscordLinkAsync(first, admin: true));
        using var onSecond = new PanelBrowser(second.BaseAddress);
        using var onFirst = new PanelBrowser(first.BaseAddress);

        var login = await onSecond.GetAsync("/panel/login?token=" + token);
        var reused = await onFirst.GetAsync("/panel/login?token=" + token);
        onFirst.Cookies[Session] = onSecond.Cookies[Session];
        var page = await onFirst.GetAsync("/panel");
        onSecond.Cookies["borderalerts_panel_form"] = onFirst.Cookies["borderalerts_panel_form"]; // the form served by the first instance …
        var signedOut = await onSecond.PostFormAsync("/panel/logout", ("__RequestVerificationToken", PanelBrowser.FormToken(page.Html))); // … posted to the second

        Assert.Equal(HttpStatusCode.Redirect, login.Status);
        Assert.Equal(HttpStatusCode.Forbidden, reused.Status);
        Assert.Contains("role <strong>admin</strong>", page.Html);
        Assert.Equal(HttpStatusCode.OK, signedOut.Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await onFirst.GetAsync("/panel")).Status); // signed out on the other instance
        Assert.True(await StoreProbe.For(first.Services).CountAsync("panel_keys") > 0); // the forms' keys are shared through the store
    }
}
