using BorderAlerts.Core.Delivery;
using BorderAlerts.Core.Feeds;
using BorderAlerts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlerts.Tests.Delivery;

/// <summary>Admin notices about sources: blocked, failing, a selector that finds nothing, recovery; each once.</summary>
public sealed class SourceHealthNoticeTests(FeedServer feeds) : IClassFixture<FeedServer>
{
    [Fact]
    public async Task A_blocked_source_is_reported_once_and_its_recovery_too()
    {
        await using var harness = await DeliveryHarness.StartAsync();
        var monitor = harness.Pipeline.Services.GetRequiredService<SourceHealthMonitor>();
        var url = feeds.Serve(Responses.Status(403));
        var feed = Feeds.Rss("state-press-releases", url, "en");
        for (int i = 0; i < 3; i++) await harness.Pipeline.PollOneAsync(feed);

        var first = await monitor.CheckAsync(CancellationToken.None);
        var again = await monitor.CheckAsync(CancellationToken.None);
        feeds.Answer(url, Responses.Bytes(DeliveryHarness.Stories(2, seed: 40), "application/rss+xml"));
        await harness.Pipeline.PollOneAsync(feed);
        var recovered = await monitor.CheckAsync(CancellationToken.None);

        Assert.Contains(first, n => n.Contains("'state-press-releases' is refusing us (HTTP 403, 3 times in a row)"));
        Assert.Contains(first, n => n.Contains("'state-press-releases' has been failing"));
        Assert.Empty(again);
        Assert.Contains(recovered, n => n.Contains("accepts our requests again"));
        Assert.Contains(recovered, n => n.Contains("recovered after failing"));
    }

    [Fact]
    public async Task A_list_page_whose_selector_suddenly_finds_nothing_is_reported()
    {
        await using var harness = await DeliveryHarness.StartAsync();
        var monitor = harness.Pipeline.Services.GetRequiredService<SourceHealthMonitor>();
        var page = "<html><body><div class='item'><a href='/a/1'>丹东口岸</a></div><div class='item'><a href='/a/2'>新义州</a></div></body></html>";
        var url = feeds.Serve(Responses.Text(page, "text/html; charset=utf-8"), "index.html");
        var feed = new FeedDefinition { Id = "uriminzokkiri", Name = "u", Url = url, Type = FeedType.Html, Html = new HtmlRecipe("div.item", "a", null, null, null, null) };
        await harness.Pipeline.PollOneAsync(feed);
        Assert.Empty(await monitor.CheckAsync(CancellationToken.None));

        feeds.Answer(url, Responses.Text("<html><body><section class='redesigned'></section></body></html>", "text/html; charset=utf-8"));
        await harness.Pipeline.PollOneAsync(feed);
        var notices = await monitor.CheckAsync(CancellationToken.None);

        Assert.Contains(notices, n => n.Contains("'uriminzokkiri' returned 0 items where its selector used to find some"));
    }

    [Theory]
    [InlineData(404, "not found")]
    [InlineData(410, "gone")]
    public async Task A_permanent_error_is_reported_at_its_first_failure(int status, string meaning)
    {
        await using var harness = await DeliveryHarness.StartAsync();
        var monitor = harness.Pipeline.Services.GetRequiredService<SourceHealthMonitor>();
        var url = feeds.Serve(Responses.Bytes(DeliveryHarness.Stories(2, seed: 50), "application/rss+xml"));
        var feed = Feeds.Rss("state-press-releases", url, "en");
        await harness.Pipeline.PollOneAsync(feed);
        Assert.Empty(await monitor.CheckAsync(CancellationToken.None));

        feeds.Answer(url, Responses.Status(status));
        await harness.Pipeline.PollOneAsync(feed);
        var notices = await monitor.CheckAsync(CancellationToken.None);

        Assert.Contains(notices, n => n.Contains($"'state-press-releases' answers HTTP {status} ({meaning}): a permanent error"));
        Assert.Empty(await monitor.CheckAsync(CancellationToken.None));
    }
}
