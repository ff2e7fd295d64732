using System.Net;
using System.Text.RegularExpressions;
using BorderAlerts.Core.Storage;
using BorderAlerts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlerts.Tests.Panel;

/// <summary>
/// /panel/search: the archive search of `/search` (the query language, best first), 20 a page, each hit with its title linked,
/// the stored machine translation, the source's name and time, every feed text HTML-encoded; a bad query is a 400 that shows
/// the problem at its column. Readers search as admins do.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed partial class PanelSearchPageTests(FeedServer server) : IClassFixture<FeedServer>
{
    /// <summary>25 items about coal smuggling at Dandong (one titled with &lt; and &amp;), 1 about the weather, in a feed named with markup.</summary>
    async Task<ChatHost> StartAsync(Store store)
    {
        var entries = Enumerable.Range(1, 24).Select(i => new Entry($"丹东走私煤炭案 {i}", $"https://example.org/zh/{i}", Text: "丹东海关查获走私煤炭。"))
            .Append(new Entry("走私 1 < 2 & 3", "https://example.org/zh/25"))
            .Append(new Entry("Seoul weather", "https://example.org/en/1"));
        var url = server.Serve(Responses.Bytes(FeedXml.Rss("kyodo", entries), Responses.Rss));
        var session = new CliSession(store);
        session.WriteFeeds($"feeds:\n  - id: kyodo-zh\n    name: \"<i>Kyodo</i> 中文\"\n    url: {url}\n    language: zh-Hans\n");
        var host = await ChatHost.StartAsync(session, ("PublicUrl", "https://alerts.example.org"),
            ("Translation__Provider", "libretranslate"), ("Translation__Url", "http://127.0.0.1:9/")); // kept translations only: never asked
        await host.PollAllAsync();
        return host;
    }

    static int Rows(string html) => Regex.Matches(html, "<tr><td").Count;

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task A_reader_searches_the_archive_with_paging_and_sees_the_kept_translation(Store store)
    {
        await using var host = await StartAsync(store);
        var item = (await StoreProbe.For(host.Services).ItemsAsync()).Single(i => i.Title == "丹东走私煤炭案 7");
        await host.Services.GetRequiredService<ITranslationStore>().SaveAsync(
            [new StoredTranslation(item.Id, TranslatedFields.Title, "en", "Dandong coal smuggling case 7", "libretranslate", DateTimeOffset.UtcNow)], CancellationToken.None);
        using var reader = await PanelSignInTests.SignedInAsync(host);

        var first = await reader.GetAsync("/panel/search?q=" + Uri.EscapeDataString("丹东 AND 走私"));
        var second = await reader.GetAsync("/panel/search?q=" + Uri.EscapeDataString("丹东 AND 走私") + "&page=2");
        var hostile = await reader.GetAsync("/panel/search?q=" + Uri.EscapeDataString("走私 NOT 丹东"));
        var none = await reader.GetAsync("/panel/search?q=" + Uri.EscapeDataString("平壤"));

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal((20, 4), (Rows(first.Html), Rows(second.Html)));
        Assert.Contains("<caption>Results 1–20, best first</caption>", first.Html);
        Assert.Contains("<caption>Results 21–24, best first</caption>", second.Html);
        Assert.Contains("href=\"/panel/search?q=%E4%B8%B9%E4%B8%9C%20AND%20%E8%B5%B0%E7%A7%81&amp;page=2\" rel=\"next\"", first.Html);
        Assert.Contains("rel=\"prev\"", second.Html);
        Assert.DoesNotContain("rel=\"next\"", second.Html);
        var all = first.Html + second.Html;
        Assert.Matches("<tr><td lang=\"zh-Hans\"><a href=\"https://example.org/zh/7\">丹东走私煤炭案 7</a><br><span lang=\"en\">Machine translation: Dandong coal smuggling case 7</span></td>" +
            @"<td>&lt;i&gt;Kyodo&lt;/i&gt; 中文</td><td>\d{4}-\d\d-\d\d \d\d:\d\d</td></tr>", all);
        Assert.Single(Regex.Matches(all, "Machine translation:"));
        Assert.Contains("value=\"丹东 AND 走私\"", first.Html);
        Assert.Equal(1, Rows(hostile.Html));
        Assert.Contains(">走私 1 &lt; 2 &amp; 3</a>", hostile.Html);
        Assert.DoesNotContain("<i>Kyodo", hostile.Html + all);
        Assert.Contains("No results.", none.Html);
        Assert.Equal(0, Rows(none.Html));
    }

    [Fact]
    public async Task A_bad_query_is_shown_at_its_column_and_a_page_past_the_last_is_named()
    {
        await using var host = await StartAsync(Store.Sqlite);
        using var admin = await PanelSignInTests.SignedInAsync(host, admin: true);

        var bad = await admin.GetAsync("/panel/search?q=" + Uri.EscapeDataString("走私 AND ("));
        var empty = await admin.GetAsync("/panel/search");
        var tooFar = await admin.GetAsync("/panel/search?q=x&page=7");
        var notAPage = await admin.GetAsync("/panel/search?q=x&page=two");

        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Matches(@"<div role=""alert""><p><strong>The query cannot be searched.</strong> Column 9: [^<]+</p><pre>走私 AND \(\n {8}\^</pre></div>", bad.Html);
        Assert.Contains("value=\"走私 AND (\"", bad.Html);
        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.Contains("<label for=\"search-q\">Query</label>", empty.Html);
        Assert.Equal(0, Rows(empty.Html));
        Assert.Equal(HttpStatusCode.BadRequest, tooFar.Status);
        Assert.Contains("page: search shows the best 120 results at most (page 6)", tooFar.Html);
        Assert.Equal(HttpStatusCode.BadRequest, notAPage.Status);
        Assert.Contains("page: &#39;two&#39; is not a page number", notAPage.Html);
    }
}
