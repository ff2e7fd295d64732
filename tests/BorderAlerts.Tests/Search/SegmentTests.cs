using BorderAlerts.Core.Search;
using BorderAlerts.Core.Search.Postings;
using BorderAlerts.Storage.Postgres;
using BorderAlerts.Storage.Segments;
using BorderAlerts.Storage.Sqlite;
using BorderAlerts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlerts.Tests.Search;

/// <summary>The archive index over many polls, on both stores: segments merge in the background, and search sees every item throughout.</summary>
public sealed class SegmentTests(FeedServer server) : IClassFixture<FeedServer>
{
    const int Polls = 2 * SegmentTiers.Fanout + 3;

    static async Task<IReadOnlyList<string>> TitlesAsync(Pipeline pipeline, string query, int limit = 100) =>
        (await pipeline.Services.GetRequiredService<ArchiveSearch>().SearchAsync(new SearchRequest(query, limit), CancellationToken.None))
            .Hits.Select(h => h.Item.Title).ToList();

    static SegmentMerger Merger(Pipeline pipeline) =>
        pipeline.Services.GetService<SqliteDatabase>()?.SearchMerger ?? pipeline.Services.GetRequiredService<PostgresDatabase>().SearchMerger;

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

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task Segments_merge_in_the_background_and_search_finds_every_item_across_them(Store store)
    {
        using var folder = new TempFolder(store);
        await using var pipeline = await Pipeline.StartAsync(folder);
        await PollManyAsync(pipeline);
        await Merger(pipeline).IdleAsync();

        Assert.Equal(2 * Polls, await pipeline.Database.IndexedItemsAsync());
        Assert.True(await pipeline.Database.CountAsync("search_segments") < Polls, "segments were merged");
        Assert.Equal(0, await pipeline.Database.CountAsync("search_segments", "NOT ready"));
        Assert.Equal(["丹东口岸 第0批"], await TitlesAsync(pipeline, "煤炭"));
        Assert.Equal(Polls, (await TitlesAsync(pipeline, "sanctions")).Count);
        Assert.Equal([$"Dandong shipment {Polls - 1}"], await TitlesAsync(pipeline, $"batch{Polls - 1}"));
        Assert.Equal(Polls, (await TitlesAsync(pipeline, "batch*")).Count);
        // Merged segments keep when their newest item was seen, so since: passes by old segments only.
        Assert.Equal(0, await pipeline.Database.CountAsync("search_segments", "last_seen IS NULL"));
        Assert.Equal(Polls, (await TitlesAsync(pipeline, "丹东 since:1d")).Count);
        await pipeline.Database.ExecuteAsync($"UPDATE items SET first_seen_at = first_seen_at - {TimeSpan.FromDays(3).TotalMilliseconds}");
        await pipeline.Database.ExecuteAsync($"UPDATE search_segments SET last_seen = last_seen - {TimeSpan.FromDays(3).TotalMilliseconds}");
        Assert.Empty(await TitlesAsync(pipeline, "丹东 since:1d"));
        Assert.Equal(Polls, (await TitlesAsync(pipeline, "丹东 since:4d")).Count);
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task A_stale_merge_a_stopped_process_left_unfinished_is_dropped_at_start(Store store)
    {
        using var folder = new TempFolder(store);
        await using (var pipeline = await Pipeline.StartAsync(folder))
        {
            await PollManyAsync(pipeline);
            await Merger(pipeline).IdleAsync();
            var oneByte = store == Store.Sqlite ? "x'00'" : "'\\x00'::bytea";
            await pipeline.Database.ExecuteAsync($"""
                INSERT INTO search_segments (id, level, first_item, last_item, items, ready, started_at) VALUES (9999, 2, 1, 38, 38, false, 0);
                INSERT INTO search_blocks (segment, first_key, data) VALUES (9999, 0, {oneByte});
                """);
        }
        await using var restarted = await Pipeline.StartAsync(folder);
        Assert.Equal(0, await restarted.Database.CountAsync("search_segments", "NOT ready"));
        Assert.Equal(0, await restarted.Database.CountAsync("search_blocks", "segment = 9999"));
        Assert.Equal(Polls, (await TitlesAsync(restarted, "丹东")).Count);
    }
}
