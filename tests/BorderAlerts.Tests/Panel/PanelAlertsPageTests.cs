using System.Net;
using System.Text.RegularExpressions;
using BorderAlerts.Core.Delivery;
using BorderAlerts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlerts.Tests.Panel;

/// <summary>
/// /panel/alerts: what was sent where, newest first, by status, digests marked, destinations by name only (never their
/// webhook address or token); admins resend a dead letter (POST /panel/alerts/resend), which the next delivery pass sends
/// once. Readers are refused (403), a post without its token too (400), a delivery that is not dead-lettered is named (409).
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class PanelAlertsPageTests(FeedServer feeds, FakeDiscord discord) : IClassFixture<FeedServer>, IClassFixture<FakeDiscord>
{
    const string Token = "webhook-secret-token";

    /// <summary>A feed with <paramref name="titles"/> (all about smuggling at Dandong), a rule sending them to "main", a Discord webhook.</summary>
    async Task<ChatHost> StartAsync(Store store, string webhook, string[] titles, params (string, string)[] settings)
    {
        var url = feeds.Serve(Responses.Bytes(FeedXml.Rss("kyodo", titles.Select((t, i) => new Entry(t, $"https://example.org/{webhook}/{i}"))), Responses.Rss));
        var session = new CliSession(store);
        session.WriteFeeds($"feeds:\n  - id: kyodo-zh\n    url: {url}\n    language: zh-Hans\n    backfill: true\n");
        File.WriteAllText(session.Folder.RulesYaml, "rules:\n  - id: border-smuggling\n    name: Smuggling\n    query: 丹东 AND 走私\n    to: [main]\n");
        return await ChatHost.StartAsync(session, [("PublicUrl", "https://alerts.example.org"), ("Destinations__main__Type", "discord-webhook"),
            ("Destinations__main__Url", discord.WebhookUrl(webhook, Token).ToString()), ("Delivery__TickSeconds", "600"), .. settings]);
    }

    /// <summary>Delivery passes until no delivery is pending (as the delivery job runs them).</summary>
    static Task DeliverAsync(ChatHost host) => Eventually.TrueAsync(async () =>
    {
        await host.Services.GetRequiredService<DeliveryRunner>().RunAsync(CancellationToken.None);
        return await StoreProbe.For(host.Services).CountAsync("deliveries", "status = 'pending'") == 0;
    }, "the outbox is empty");

    static Task<PanelPage> ResendAsync(PanelBrowser browser, string token, string id) =>
        browser.PostFormAsync("/panel/alerts/resend", ("__RequestVerificationToken", token), ("id", id));

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task A_dead_letter_resent_by_an_admin_is_sent_once_by_the_next_delivery_pass(Store store)
    {
        var webhook = "77" + (int)store;
        await using var host = await StartAsync(store, webhook, ["丹东海关查获走私煤炭"], ("Delivery__MaxAttempts", "1"), ("Delivery__FloodBudget", "0"));
        discord.Script(DiscordFault.ServerError); // the destination fails: one attempt allowed, so dead-lettered
        await host.PollAllAsync();
        await DeliverAsync(host);
        using var admin = await PanelSignInTests.SignedInAsync(host, admin: true);

        var dead = await admin.GetAsync("/panel/alerts?status=dead");
        var id = Regex.Match(dead.Html, "<tr><td>#(\\d+)</td>").Groups[1].Value;
        var resent = await ResendAsync(admin, PanelBrowser.FormToken(dead.Html), id);
        var pending = await admin.GetAsync(resent.Response.Headers.Location!.OriginalString);
        Assert.DoesNotContain(discord.Messages, m => m.WebhookId == webhook);
        await DeliverAsync(host); // the destination has recovered
        var sent = await admin.GetAsync("/panel/alerts");
        var again = await ResendAsync(admin, PanelBrowser.FormToken(sent.Html), id);

        Assert.Matches($"<tr><td>#{id}</td><td>[^<]+</td><td>main</td><td>border-smuggling</td><td>丹东海关查获走私煤炭</td>" +
            "<td>dead-lettered after 1 attempt: [^<]*500[^<]*</td><td><form method=\"post\" action=\"/panel/alerts/resend\">", dead.Html);
        Assert.Contains($"<button type=\"submit\">Resend #{id}</button>", dead.Html);
        Assert.Equal(HttpStatusCode.Redirect, resent.Status);
        Assert.Contains($"Delivery #{id} is back in the outbox", pending.Html);
        Assert.Matches(@"<td>pending, due [^<]+ \(sent again by panel:discord:u-admin \(alice\), [^<]+\)</td>", pending.Html);
        var card = Assert.Single(discord.Messages, m => m.WebhookId == webhook);
        Assert.Equal("丹东海关查获走私煤炭", card.Embeds[0].GetProperty("title").GetString());
        Assert.Matches(@"<td>sent \d{4}-\d\d-\d\d \d\d:\d\d \(sent again by panel:discord:u-admin \(alice\), [^<]+\)</td><td></td></tr>", sent.Html);
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        Assert.Contains($"Delivery #{id} is not dead-lettered (or does not exist): only dead letters can be sent again.", again.Html);
        Assert.Equal(1, await StoreProbe.For(host.Services).CountAsync("deliveries", "status = 'sent' AND attempts = 0 AND resent_by = 'panel:discord:u-admin (alice)'"));
        Assert.Empty(discord.Rejected);
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task The_alerts_page_lists_each_status_filters_by_one_and_marks_a_digest_without_showing_secrets(Store store)
    {
        var webhook = "78" + (int)store;
        // Three at once over a budget of one: a digest; the third, a story line of the second, is held for the next digest.
        await using var host = await StartAsync(store, webhook, ["丹东走私 1", "丹东走私 2", "丹东走私 3"], ("Delivery__FloodBudget", "1"));
        await host.PollAllAsync();
        var probe = StoreProbe.For(host.Services);
        await Eventually.TrueAsync(async () =>
        {
            await host.Services.GetRequiredService<DeliveryRunner>().RunAsync(CancellationToken.None);
            return await probe.CountAsync("deliveries", "status = 'sent'") == 2;
        }, "the digest is sent");
        await probe.ExecuteAsync("UPDATE deliveries SET status = 'dead', attempts = 8, last_error = '<b>HTTP 503</b>' WHERE id = 1");
        using var reader = await PanelSignInTests.SignedInAsync(host);

        var all = await reader.GetAsync("/panel/alerts");
        var onlyDead = await reader.GetAsync("/panel/alerts?status=dead");
        var onlyPending = await reader.GetAsync("/panel/alerts?status=pending");
        await probe.ExecuteAsync("UPDATE deliveries SET attempts = 2, last_error = 'HTTP 502' WHERE id = 3");
        var onlyRetrying = await reader.GetAsync("/panel/alerts?status=Retrying");
        var badStatus = await reader.GetAsync("/panel/alerts?status=lost");
        var readerResend = await ResendAsync(reader, PanelBrowser.FormToken(all.Html), "1");

        Assert.Equal(HttpStatusCode.OK, all.Status);
        Assert.Equal(["#3", "#2", "#1"], Ids(all));
        Assert.Matches(@"<td>#3 \(reply\)</td><td>[^<]+</td><td>main</td><td>border-smuggling</td><td>丹东走私 3</td><td>pending, due [^<]+</td>", all.Html);
        Assert.Matches(@"<td>#2</td><td>[^<]+</td><td>main</td><td>border-smuggling</td><td>丹东走私 2</td><td>sent [^<]+, in a digest</td>", all.Html);
        Assert.Contains("<td>dead-lettered after 8 attempts: &lt;b&gt;HTTP 503&lt;/b&gt;</td><td></td></tr>", all.Html); // a reader: no Resend
        Assert.DoesNotContain("/panel/alerts/resend", all.Html);
        Assert.DoesNotContain(Token, all.Html);
        Assert.DoesNotContain("/webhooks/", all.Html);
        Assert.Equal(["#1"], Ids(onlyDead));
        Assert.Contains("<a href=\"/panel/alerts?status=dead\" aria-current=\"page\">", onlyDead.Html);
        Assert.Equal(["#3"], Ids(onlyPending));
        Assert.Equal(["#3"], Ids(onlyRetrying));
        Assert.Matches(@"<td>retrying: 2 failed attempts, next attempt [^<]+, last error: HTTP 502</td>", onlyRetrying.Html);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.Status);
        Assert.Contains("status: &#39;lost&#39; is not a status; use pending, retrying, sent or dead.", badStatus.Html);
        Assert.Equal(HttpStatusCode.Forbidden, readerResend.Status);
        Assert.Contains("Only admins send alerts again", readerResend.Html);
        Assert.Equal(1, await probe.CountAsync("deliveries", "status = 'dead'"));
    }

    static IEnumerable<string> Ids(PanelPage page) => Regex.Matches(page.Html, "<tr><td>(#\\d+)").Select(m => m.Groups[1].Value);

    [Fact]
    public async Task A_resend_without_its_token_is_refused_and_pages_hold_fifty_deliveries()
    {
        await using var host = await StartAsync(Store.Sqlite, "790", Enumerable.Range(1, 51).Select(i => $"丹东走私 {i}").ToArray(), ("Delivery__FloodBudget", "0"));
        await host.PollAllAsync();
        await DeliverAsync(host);
        await StoreProbe.For(host.Services).ExecuteAsync("UPDATE deliveries SET status = 'dead', last_error = 'refused' WHERE id = 1");
        using var admin = await PanelSignInTests.SignedInAsync(host, admin: true);

        var noToken = await admin.PostFormAsync("/panel/alerts/resend", ("id", "1"));
        var first = await admin.GetAsync("/panel/alerts");
        var second = await admin.GetAsync("/panel/alerts?page=2");
        var notAnId = await ResendAsync(admin, PanelBrowser.FormToken(first.Html), "-1");

        Assert.Equal(HttpStatusCode.BadRequest, noToken.Status);
        Assert.Contains("__RequestVerificationToken is missing or not valid", noToken.Html);
        Assert.Equal(1, await StoreProbe.For(host.Services).CountAsync("deliveries", "status = 'dead'"));
        Assert.Equal(50, Regex.Matches(first.Html, "<tr><td>#").Count);
        Assert.Contains("href=\"/panel/alerts?page=2\" rel=\"next\"", first.Html);
        Assert.Equal(["#1"], Ids(second));
        Assert.Contains("<button type=\"submit\">Resend #1</button>", second.Html);
        Assert.Equal(HttpStatusCode.BadRequest, notAnId.Status);
        Assert.Contains("id: &#39;-1&#39; is not a delivery id.", notAnId.Html);
    }
}
