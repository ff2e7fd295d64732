using BorderAlerts.Core.Search;
using BorderAlerts.Core.Search.Postings;
using BorderAlerts.Storage.Sqlite;
using BorderAlerts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlerts.Tests.Search;

/// <summary>SQLite's archive index over many polls: segments merge in the background, and search sees every item throughout.</summary>
public sealed class SqliteSegmentTests(FeedServer server) : IClassFixture<FeedServer>
{
    const int Polls = 2 * SegmentTiers.Fanout + 3;

    static async Task<IReadOnlyList<string>> TitlesAsync(Pipeline pipeline, string query, int limit = 100) =>
        (await pipeline.Services.GetRequiredService<ArchiveSearch>().SearchAsync(new SearchRequest(query, limit), CancellationToken.None))
            .Hits.Select(h => h.Item.Title).ToList();

    async Task PollManyAsync(Pipeline pipeline)
    {
        for (int n = 0; n < Polls; n++)
        {
            var entries = new[]
            {
                new Entry($"丹东口岸 第{n}批", $"https://example.org/p{n}/1", Text: n == 0 ? "首批煤炭" : "其他货物"),
                new Entry($"Dandong shipment {n}", $"https://example.org/p{n}/2", Text: $"sanctions batch{n}"),
            };
            var url = server.Serve(Responses.Bytes(FeedXml.Rss($"f{n}", entries), Responses.Rss));
            await pipeline.PollOneAsync(Feeds.Rss($"f{n}", url, "zh"));
            // Searching between polls, while merges may be running, must always see every item stored so far.
            Assert.Equal(n + 1, (await TitlesAsync(pipeline, "丹东")).Count);
        }
    }

    [Fact]
    public async Task Segments_merge_in_the_background_and_search_finds_every_item_across_them()
    {
        using var folder = new TempFolder();
        await using var pipeline = await Pipeline.StartAsync(folder);
        await PollManyAsync(pipeline);
        await pipeline.Services.GetRequiredService<SqliteDatabase>().SearchMerger.IdleAsync();

        Assert.Equal(2 * Polls, await pipeline.Database.IndexedItemsAsync());
        Assert.True(await pipeline.Database.CountAsync("search_segments") < Polls, "segments were merged");
        Assert.Equal(0, await pipeline.Database.CountAsync("search_segments", "ready = 0"));
        Assert.Equal(["丹东口岸 第0批"], await TitlesAsync(pipeline, "煤炭"));
        Assert.Equal(Polls, (await TitlesAsync(pipeline, "sanctions")).Count);
        Assert.Equal([$"Dandong shipment {Polls - 1}"], await TitlesAsync(pipeline, $"batch{Polls - 1}"));
        Assert.Equal(Polls, (await TitlesAsync(pipeline, "batch*")).Count);
    }

    [Fact]
    public async Task A_stale_merge_a_stopped_process_left_unfinished_is_dropped_at_start()
    {
        using var folder = new TempFolder();
        await using (var pipeline = await Pipeline.StartAsync(folder))
        {
            await PollManyAsync(pipeline);
            await pipeline.Services.GetRequiredService<SqliteDatabase>().SearchMerger.IdleAsync();
            await pipeline.Database.ExecuteAsync("""
                INSERT INTO search_segments (id, level, first_item, last_item, items, ready, started_at) VALUES (9999, 2, 1, 38, 38, 0, 0);
                INSERT INTO search_blocks (segment, first_key, data) VALUES (9999, 0, x'00');
                """);
        }
        await using var restarted = await Pipeline.StartAsync(folder);
        Assert.Equal(0, await restarted.Database.CountAsync("search_segments", "ready = 0"));
        Assert.Equal(0, await restarted.Database.CountAsync("search_blocks", "segment = 9999"));
        Assert.Equal(Polls, (await TitlesAsync(restarted, "丹东")).Count);
    }
}
