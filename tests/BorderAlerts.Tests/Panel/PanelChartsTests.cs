using System.Globalization;
using System.Net;
using System.Text;
using BorderAlerts.Tests.Infrastructure;
using static BorderAlerts.Tests.Panel.PanelActivity;

namespace BorderAlerts.Tests.Panel;

/// <summary>
/// The panel's charts from the store: items per day per source on /panel/feeds (the page's sources), alerts per day per rule
/// on /panel/rules, and the backtest of an unsaved query (matches per day over 30 days of stored items), on both stores.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class PanelChartsTests
{
    static readonly DateTimeOffset Today = new(DateTime.UtcNow.Date.AddMinutes(1), TimeSpan.Zero);

    static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    static string Span => $"30 days from {Day(Today.AddDays(-29))} to {Day(Today)}";

    static async Task<ChatHost> StartAsync(Store store, string feeds = "feeds:\n  - id: yonhap\n    url: http://127.0.0.1:9/y.xml\n  - id: kcna\n    url: http://127.0.0.1:9/k.xml\n")
    {
        var session = new CliSession(store);
        session.WriteFeeds(feeds);
        File.WriteAllText(session.Folder.RulesYaml, Commands.ChatCommandTests.Rules);
        return await ChatHost.StartAsync(session, ("PublicUrl", "https://alerts.example.org"));
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task Each_source_and_each_rule_gets_a_chart_of_its_last_30_days(Store store)
    {
        await using var host = await StartAsync(store);
        await SeedAsync(host.Services, new Seen("yonhap", Today, "border-smuggling"), new Seen("yonhap", Today.AddMinutes(5), "border-smuggling"),
            new Seen("yonhap", Today.AddHours(2)), new Seen("yonhap", Today.AddDays(-2)), new Seen("yonhap", Today.AddDays(-31), "border-smuggling"));
        using var reader = await PanelSignInTests.SignedInAsync(host);

        var feeds = await reader.GetAsync("/panel/feeds");
        var rules = await reader.GetAsync("/panel/rules");
        var source = await reader.GetAsync("/panel/feeds/source?id=yonhap");
        var unknown = await reader.GetAsync("/panel/feeds/source?id=nope");

        Assert.Contains("<th scope=\"col\">Items, last 30 days</th>", feeds.Html);
        Assert.Contains($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" width=\"120\" height=\"24\" viewBox=\"0 0 120 24\" " +
            $"aria-label=\"Items from yonhap per day: 4 in the {Span}; most 3 on {Day(Today)}\">", feeds.Html);
        Assert.Contains($"aria-label=\"Items from kcna per day: none in the {Span}\"", feeds.Html);
        Assert.Contains($"aria-label=\"Alerts from border-smuggling per day: 2 in the {Span}; most 2 on {Day(Today)}\"", rules.Html);
        Assert.Contains("<td><a href=\"/panel/feeds/source?id=yonhap\"><svg ", feeds.Html);
        Assert.Contains($"width=\"600\" height=\"160\" viewBox=\"0 0 600 160\" aria-label=\"Items from yonhap per day: 4 in the {Span}; most 3 on {Day(Today)}\">", source.Html);
        Assert.Contains($"<tr><td>{Day(Today)}</td><td>3</td></tr>", source.Html);
        Assert.Contains($"<tr><td>{Day(Today.AddDays(-2))}</td><td>1</td></tr>", source.Html);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.Contains("id: there is no source &#39;nope&#39;", unknown.Html);
    }

    [Fact]
    public async Task A_page_of_50_sources_with_their_charts_and_buttons_stays_under_200_KB()
    {
        var yaml = new StringBuilder("feeds:\n");
        for (var i = 0; i < 60; i++) yaml.Append($"  - id: outlet-with-a-long-id-{i:00}\n    name: An outlet with a longish name {i:00}\n    url: http://127.0.0.1:9/f{i}.xml\n");
        await using var host = await StartAsync(Store.Sqlite, yaml.ToString());
        using var admin = await PanelSignInTests.SignedInAsync(host, admin: true);

        var page = await admin.GetAsync("/panel/feeds");

        Assert.Equal(50, page.Html.Split("<svg ").Length - 1);
        Assert.Equal(50, page.Html.Split(">Pause outlet").Length - 1);
        Assert.InRange(Encoding.UTF8.GetByteCount(page.Html), 1, 200_000);
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task A_backtest_charts_an_unsaved_querys_matches_per_day_over_30_days_of_stored_items(Store store)
    {
        await using var host = await StartAsync(store);
        await SeedAsync(host.Services, new Seen("yonhap", Today, Title: "丹东查获走私煤炭"), new Seen("kcna", Today.AddDays(-3), Title: "煤炭出口 <b>news</b>"),
            new Seen("yonhap", Today.AddHours(1), Title: "Seoul weather"), new Seen("yonhap", Today.AddDays(-40), Title: "旧的煤炭新闻"));
        using var admin = await PanelSignInTests.SignedInAsync(host, admin: true);

        var editor = await admin.GetAsync("/panel/rules/edit?id=border-smuggling");
        var backtest = await admin.GetAsync("/panel/rules/backtest?id=border-smuggling&query=" + Uri.EscapeDataString("煤炭 OR coal"));
        var saved = await admin.GetAsync("/panel/rules/backtest?id=border-smuggling");

        Assert.Contains("<form method=\"get\" action=\"/panel/rules/backtest\"><input type=\"hidden\" name=\"id\" value=\"border-smuggling\">", editor.Html);
        Assert.Contains(">@dandong AND (走私 OR smuggl*)</textarea></p><p><button type=\"submit\">Backtest</button>", editor.Html);
        Assert.Equal(HttpStatusCode.OK, backtest.Status);
        Assert.Contains("2 of 3 stored items of the last 30 days match; 0 would have alerted", backtest.Html);
        Assert.Contains($"aria-label=\"Matches per day: 2 in the {Span}; most 1 on {Day(Today.AddDays(-3))}\"", backtest.Html);
        Assert.Contains($"<tr><td>{Day(Today)}</td><td>1</td></tr>", backtest.Html);
        Assert.Contains($"<tr><td>{Day(Today.AddDays(-1))}</td><td>0</td></tr>", backtest.Html);
        Assert.Contains("kcna: 煤炭出口 &lt;b&gt;news&lt;/b&gt;", backtest.Html);
        Assert.DoesNotContain("旧的煤炭新闻", backtest.Html);
        Assert.Contains("href=\"/panel/rules/edit?id=border-smuggling&amp;query=%E7%85%A4%E7%82%AD%20OR%20coal\"", backtest.Html);
        Assert.Contains("<p>Query: <code>@dandong AND (走私 OR smuggl*)</code></p><p>1 of 3 stored items", saved.Html); // the saved query
    }

    [Fact]
    public async Task A_backtest_needs_a_session_and_a_good_query()
    {
        await using var host = await StartAsync(Store.Sqlite);
        using var reader = await PanelSignInTests.SignedInAsync(host);
        using var nobody = new PanelBrowser(host.BaseAddress);

        var anonymous = await nobody.GetAsync("/panel/rules/backtest?query=coal");
        var bad = await reader.GetAsync("/panel/rules/backtest?query=" + Uri.EscapeDataString("丹东 AND ("));
        var missing = await reader.GetAsync("/panel/rules/backtest");
        var readers = await reader.GetAsync("/panel/rules/backtest?query=coal");

        Assert.Equal(HttpStatusCode.Forbidden, anonymous.Status);
        Assert.Contains("type <code>/panel</code>", anonymous.Html);
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Matches(@"query: column \d+: ", bad.Html);
        Assert.Equal(HttpStatusCode.BadRequest, missing.Status);
        Assert.Contains("query: give the query to backtest, or the id of a rule", missing.Html);
        Assert.Equal(HttpStatusCode.OK, readers.Status);
        Assert.Contains($"aria-label=\"Matches per day: none in the {Span}\"", readers.Html);
        Assert.DoesNotContain("/panel/rules/edit", readers.Html);
    }
}
