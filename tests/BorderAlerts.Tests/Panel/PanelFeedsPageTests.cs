using System.Net;
using System.Text;
using BorderAlerts.Core.Feeds;
using BorderAlerts.Core.Storage;
using BorderAlerts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlerts.Tests.Panel;

/// <summary>/panel/feeds: the sources' health from the store, 50 a page, sortable, every feed-provided text HTML-encoded.</summary>
[Collection(ProcessEnvironment.Name)]
public sealed class PanelFeedsPageTests
{
    const string Hostile = "<script>alert(1)</script>";

    /// <summary>60 feeds (feed-00 … feed-59), feed-07 named <see cref="Hostile"/> and failing with an error that holds markup.</summary>
    static async Task<ChatHost> StartAsync(Store store)
    {
        var session = new CliSession(store);
        var yaml = new StringBuilder("feeds:\n");
        for (var i = 0; i < 60; i++)
            yaml.Append($"  - id: feed-{i:00}\n    name: {(i == 7 ? $"\"{Hostile}\"" : $"Outlet {i:00}")}\n    url: http://127.0.0.1:9/feed-{i:00}.xml\n");
        session.WriteFeeds(yaml.ToString());
        var host = await ChatHost.StartAsync(session, ("PublicUrl", "https://alerts.example.org"));
        await host.Services.GetRequiredService<IPollStore>().SyncFeedsAsync(host.Services.GetRequiredService<IFeedCatalog>().Current().Feeds,
            DateTimeOffset.UtcNow, CancellationToken.None);
        await StoreProbe.For(host.Services).ExecuteAsync(
            "UPDATE feeds SET consecutive_failures = 3, last_error = '<b>HTTP 503</b>', last_attempt_at = 1 WHERE id = 'feed-07'");
        return host;
    }

    static int Rows(string html) => html.Split("<tr><td>").Length - 1;

    static string FirstId(string html) => html.Split("<tr><td>")[1].Split("</td>")[0];

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task The_feeds_page_lists_sorts_and_pages_the_sources_and_encodes_their_text(Store store)
    {
        await using var host = await StartAsync(store);
        using var reader = await PanelSignInTests.SignedInAsync(host);

        var first = await reader.GetAsync("/panel/feeds");
        var second = await reader.GetAsync("/panel/feeds?page=2");
        var byFailures = await reader.GetAsync("/panel/feeds?sort=-failures");
        var byIdDown = await reader.GetAsync("/panel/feeds?sort=-id");

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal((50, "feed-00"), (Rows(first.Html), FirstId(first.Html)));
        Assert.Contains("href=\"/panel/feeds?sort=id&amp;page=2\" rel=\"next\"", first.Html);
        Assert.Equal((10, "feed-50"), (Rows(second.Html), FirstId(second.Html)));
        Assert.Contains("rel=\"prev\"", second.Html);
        Assert.Equal("feed-07", FirstId(byFailures.Html));
        Assert.Contains("<td>feed-07</td><td>&lt;script&gt;alert(1)&lt;/script&gt;</td><td>failing</td>", byFailures.Html);
        Assert.Contains("<td>3</td><td>&lt;b&gt;HTTP 503&lt;/b&gt;</td>", byFailures.Html);
        Assert.DoesNotContain(Hostile, byFailures.Html);
        Assert.DoesNotContain("<b>HTTP", byFailures.Html);
        Assert.Equal("feed-59", FirstId(byIdDown.Html));
    }

    [Fact]
    public async Task Admins_see_the_same_table_and_a_bad_sort_or_page_is_named()
    {
        await using var host = await StartAsync(Store.Sqlite);
        using var admin = await PanelSignInTests.SignedInAsync(host, admin: true);

        var page = await admin.GetAsync("/panel/feeds?sort=failures");
        var badSort = await admin.GetAsync("/panel/feeds?sort=colour");
        var badPage = await admin.GetAsync("/panel/feeds?page=0");

        Assert.Equal((HttpStatusCode.OK, 50), (page.Status, Rows(page.Html)));
        Assert.Contains("role <strong>admin</strong>", page.Html);
        Assert.Equal(HttpStatusCode.BadRequest, badSort.Status);
        Assert.Contains("sort: &#39;colour&#39; is not a column; use one of id, name, status, last-success, failures, last-error, items", badSort.Html);
        Assert.Equal(HttpStatusCode.BadRequest, badPage.Status);
        Assert.Contains("page: &#39;0&#39; is not a page number", badPage.Html);
    }
}
