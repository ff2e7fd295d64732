using BorderAlerts.Core.Rules;
using BorderAlerts.Core.Search;
using BorderAlerts.Core.Storage;
using BorderAlerts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlerts.Tests.Search;

/// <summary>
/// `since:` and backtest windows count from the published time when the source gives one: an old article that a feed
/// first shows us today is old. Items without a date count from their first sighting. On SQLite and PostgreSQL.
/// </summary>
public sealed class PublishedWindowTests(FeedServer server) : IClassFixture<FeedServer>
{
    static readonly Entry[] Items =
    [
        new("2018年丹东制裁案回顾", "https://example.org/zh/2018", Published: DateTimeOffset.UtcNow.AddYears(-8)),
        new("丹东制裁新规今日生效", "https://example.org/zh/today", Published: DateTimeOffset.UtcNow.AddHours(-3)),
        new("丹东制裁消息（无日期）", "https://example.org/zh/undated"),
    ];

    async Task<Pipeline> StoredAsync(TempFolder folder)
    {
        var pipeline = await Pipeline.StartAsync(folder);
        var url = server.Serve(Responses.Bytes(FeedXml.Rss("kyodo", Items), Responses.Rss));
        await pipeline.PollOneAsync(Feeds.Rss("kyodo-zh", url, "zh-Hans")); // every item first seen now
        return pipeline;
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task Search_since_leaves_out_items_published_before_the_window_though_first_seen_today(Store store)
    {
        using var folder = new TempFolder(store);
        await using var pipeline = await StoredAsync(folder);
        var search = pipeline.Services.GetRequiredService<ArchiveSearch>();

        var recent = await search.SearchAsync(new SearchRequest("制裁 since:7d", 10), CancellationToken.None);
        var viaOption = await search.SearchAsync(new SearchRequest("制裁", 10, Since: "7d"), CancellationToken.None);
        var all = await search.SearchAsync(new SearchRequest("制裁", 10), CancellationToken.None);

        Assert.Equal(["丹东制裁新规今日生效", "丹东制裁消息（无日期）"], recent.Hits.Select(h => h.Item.Title).Order());
        Assert.Equal(["丹东制裁新规今日生效", "丹东制裁消息（无日期）"], viaOption.Hits.Select(h => h.Item.Title).Order());
        Assert.Equal(3, all.Hits.Count);
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task A_backtest_window_counts_from_the_published_time(Store store)
    {
        using var folder = new TempFolder(store);
        await using var pipeline = await StoredAsync(folder);
        var rule = new RuleDefinition("sanctions", "Sanctions", "制裁", Severity.High, [], true);

        var result = await Backtest.RunAsync(pipeline.Services.GetRequiredService<IItemArchive>(), rule, new Dictionary<string, IReadOnlyList<string>>(),
            DateTimeOffset.UtcNow.AddDays(-30), 10, CancellationToken.None);

        Assert.Equal((2, 2), (result.Scanned, result.Matched));
        Assert.DoesNotContain(result.Samples, s => s.Title.StartsWith("2018"));
    }
}
