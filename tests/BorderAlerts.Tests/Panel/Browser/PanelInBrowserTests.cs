using System.Text;
using BorderAlerts.Core.Feeds;
using BorderAlerts.Core.Storage;
using BorderAlerts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using static BorderAlerts.Tests.Panel.Browser.BrowserPanel;

namespace BorderAlerts.Tests.Panel.Browser;

/// <summary>
/// The panel in a real browser (headless Chromium, see <see cref="Chromium"/>): signing in from a `/panel` link once,
/// the feeds table sorted by a header click, a rule edited with the live preview answering as one types and the next
/// poll alerting with it, a rule disabled and the change undone from the history, a reader kept out of the editor, and
/// signing out. One browser for the class, no cookies carried from one test to the next.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class PanelInBrowserTests(ChromiumFixture chromium, FeedServer server) : IClassFixture<ChromiumFixture>, IClassFixture<FeedServer>
{
    static async Task<ChatHost> StartAsync(Store store = Store.Sqlite, string feeds = "feeds: []\n")
    {
        var session = new CliSession(store);
        session.WriteFeeds(feeds);
        File.WriteAllText(session.Folder.RulesYaml, Commands.ChatCommandTests.Rules);
        return await ChatHost.StartAsync(session, ("PublicUrl", "http://alerts.example.org"));
    }

    [BrowserFact]
    public async Task A_panel_link_signs_the_browser_in_with_its_role_once_and_a_fresh_browser_is_refused_it()
    {
        await using var host = await StartAsync();
        var browser = chromium.Fresh();

        var link = await OpenSignInLinkAsync(browser, host, admin: true);
        await ShowsAsync(browser, "Signed in as alice (discord u-admin), role admin");
        var landedOn = Location(browser);
        browser = chromium.Fresh(); // another visitor with the same link
        browser.Navigate().GoToUrl(link);
        var refused = Text(browser);
        Open(browser, host, "/panel/rules");

        Assert.Equal("/panel", landedOn);
        Assert.Contains("This sign-in link cannot be used: it was used already", refused);
        Assert.Contains("You are not signed in", Text(browser));
        Assert.DoesNotContain("Signed in as", Text(browser));
    }

    [BrowserFact]
    public async Task Sign_out_ends_the_session()
    {
        await using var host = await StartAsync();
        var browser = chromium.Fresh();
        await OpenSignInLinkAsync(browser, host);
        await ShowsAsync(browser, "role reader");

        browser.FindElement(By.XPath("//button[text()='Sign out']")).Click();
        await ShowsAsync(browser, "You are signed out.");
        Open(browser, host, "/panel");

        Assert.Contains("You are not signed in", Text(browser));
        Assert.Empty(browser.FindElements(By.XPath("//button[text()='Sign out']")));
    }

    [BrowserFact]
    public async Task The_feeds_page_lists_the_sources_and_a_header_click_sorts_them()
    {
        var feeds = new StringBuilder("feeds:\n");
        foreach (var (id, name) in new[] { ("a-feed", "Zeta Daily"), ("b-feed", "Alpha News"), ("c-feed", "Mid Times") })
            feeds.Append($"  - id: {id}\n    name: {name}\n    url: http://127.0.0.1:9/{id}.xml\n");
        await using var host = await StartAsync(feeds: feeds.ToString());
        await host.Services.GetRequiredService<IPollStore>().SyncFeedsAsync(host.Services.GetRequiredService<IFeedCatalog>().Current().Feeds,
            DateTimeOffset.UtcNow, CancellationToken.None);
        var browser = chromium.Fresh();
        await OpenSignInLinkAsync(browser, host);
        string[] Names() => [.. browser.FindElements(By.CssSelector("tbody tr td:nth-child(2)")).Select(cell => cell.Text)];

        browser.FindElement(By.LinkText("Sources")).Click();
        await AtAsync(browser, "/panel/feeds");
        var byId = Names();
        browser.FindElement(By.LinkText("Name")).Click();
        await AtAsync(browser, "/panel/feeds?sort=name");
        var byName = Names();
        browser.FindElement(By.LinkText("Name")).Click(); // again: reversed
        await AtAsync(browser, "/panel/feeds?sort=-name");

        Assert.Equal(["Zeta Daily", "Alpha News", "Mid Times"], byId);
        Assert.Equal(["Alpha News", "Mid Times", "Zeta Daily"], byName);
        Assert.Equal(["Zeta Daily", "Mid Times", "Alpha News"], Names());
        Assert.Contains("3 sources", Text(browser));
        Assert.Contains("not polled yet", Text(browser));
    }

    [BrowserTheory, InlineData(Store.Sqlite), PostgresData]
    public async Task An_admin_edits_a_rule_with_the_live_preview_and_the_next_poll_alerts_with_it(Store store)
    {
        var url = server.Serve(Responses.Bytes(FeedXml.Rss("k", [new Entry("Seoul weather", "https://example.org/w/1")]), Responses.Rss));
        await using var host = await StartAsync(store, $"feeds:\n  - id: k\n    url: {url}\n");
        await host.PollAllAsync(); // seeds
        var browser = chromium.Fresh();
        await OpenSignInLinkAsync(browser, host, admin: true);
        Open(browser, host, "/panel/rules");

        browser.FindElement(By.LinkText("Edit border-smuggling")).Click();
        await AtAsync(browser, "/panel/rules/edit?id=border-smuggling");
        Type(browser, "test-text", "丹东查获朝鲜煤炭");
        await ShowsAsync(browser, "No match.", within: "test-result"); // the file's query wants 走私 or smuggl*
        var whyNot = browser.FindElement(By.Id("test-result")).Text;
        Type(browser, "rule-query", "@dandong AND 煤炭"); // the query being edited is the one tested
        await ShowsAsync(browser, "Match.", within: "test-result");
        var preview = (Location(browser), browser.FindElement(By.Id("test-result")).Text, browser.FindElement(By.Id("test-query")).GetDomProperty("value"));
        browser.FindElement(By.XPath("//button[text()='Save']")).Click();
        await AtAsync(browser, "/panel/rules?saved=border-smuggling");
        var saved = Text(browser);
        server.Answer(url, Responses.Bytes(FeedXml.Rss("k", [new Entry("Seoul weather", "https://example.org/w/1"),
            new Entry("丹东查获朝鲜煤炭", "https://example.org/w/2")]), Responses.Rss)); // no 走私: only the edited query matches
        await host.PollAllAsync();

        Assert.Contains("Failed: 走私 OR smuggl* (not found)", whyNot);
        Assert.Equal("/panel/rules/edit?id=border-smuggling", preview.Item1); // answered in place: nothing was submitted
        Assert.StartsWith("Match. Terms: 丹东", preview.Item2);
        Assert.Contains("煤炭", preview.Item2);
        Assert.Equal("@dandong AND 煤炭", preview.Item3);
        Assert.Contains("Rule border-smuggling saved", saved);
        Assert.Equal(1, await StoreProbe.For(host.Services).CountAsync("alerts", "rule_id = 'border-smuggling'"));
    }

    [BrowserTheory, InlineData(Store.Sqlite), PostgresData]
    public async Task An_admin_disables_a_rule_then_undoes_it_from_the_history_and_the_next_poll_alerts_again(Store store)
    {
        var url = server.Serve(Responses.Bytes(FeedXml.Rss("k", [new Entry("Seoul weather", "https://example.org/u/1")]), Responses.Rss));
        await using var host = await StartAsync(store, $"feeds:\n  - id: k\n    url: {url}\n");
        await host.PollAllAsync(); // seeds
        var browser = chromium.Fresh();
        await OpenSignInLinkAsync(browser, host, admin: true);
        Open(browser, host, "/panel/rules");
        string EnabledCell() => browser.FindElement(By.XPath("//tr[td[1]='border-smuggling']/td[5]")).Text;

        await ClickAsync(browser, By.XPath("//button[text()='Disable border-smuggling']"));
        await AtAsync(browser, "/panel/rules?done=disabled&id=border-smuggling");
        await ShowsAsync(browser, "Enable border-smuggling");
        var disabled = EnabledCell();
        await ClickAsync(browser, By.LinkText("History"));
        await AtAsync(browser, "/panel/history");
        await ShowsAsync(browser, "Undo #");
        var history = Text(browser);
        await ClickAsync(browser, By.XPath("//button[starts-with(text(), 'Undo #')]"));
        await ShowsAsync(browser, "undid #");
        var undone = Text(browser);
        var undoButtonsLeft = browser.FindElements(By.XPath("//button[starts-with(text(), 'Undo #')]")).Count;
        Open(browser, host, "/panel/rules");
        var enabledAgain = EnabledCell();
        server.Answer(url, Responses.Bytes(FeedXml.Rss("k", [new Entry("Seoul weather", "https://example.org/u/1"),
            new Entry("丹东海关查获走私煤炭", "https://example.org/u/2")]), Responses.Rss));
        await host.PollAllAsync();

        Assert.Equal("no", disabled);
        Assert.Contains("panel:discord:u-admin", history);
        Assert.Contains("border-smuggling", history);
        Assert.Equal(0, undoButtonsLeft); // an undo and the change it undid: nothing left to undo
        Assert.Contains("undone by #", undone);
        Assert.Equal("yes", enabledAgain);
        Assert.Equal(1, await StoreProbe.For(host.Services).CountAsync("alerts", "rule_id = 'border-smuggling'"));
    }

    [BrowserFact]
    public async Task A_reader_sees_the_rules_without_edit_links_and_the_editor_says_only_admins_edit()
    {
        await using var host = await StartAsync();
        var browser = chromium.Fresh();
        await OpenSignInLinkAsync(browser, host);

        browser.FindElement(By.LinkText("Rules")).Click();
        await AtAsync(browser, "/panel/rules");
        var editLinks = browser.FindElements(By.PartialLinkText("Edit "));
        Open(browser, host, "/panel/rules/edit?id=border-smuggling");

        Assert.Empty(editLinks);
        Assert.Contains("Only admins edit rules", Text(browser));
        Assert.Empty(browser.FindElements(By.Id("rule-query")));
    }
}
