using BorderAlerts.Core.Rules.Query;
using BorderAlerts.Core.Search;
using BorderAlerts.Storage;
using BorderAlerts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlerts.Tests.Search;

/// <summary>
/// Archive search through the real composition root, over items stored by real polls into the segment index, on SQLite
/// and on PostgreSQL.
/// </summary>
public sealed class ArchiveSearchTests(FeedServer server) : IClassFixture<FeedServer>, IDisposable
{
    TempFolder? _folder;

    TempFolder Folder(Store store) => _folder ??= new TempFolder(store);

    static readonly Entry[] Mixed =
    [
        new("丹东海关查获走私煤炭", "https://example.org/zh/1", Text: "丹东海关近日查获一批经鸭绿江走私的朝鲜煤炭。"),
        new("朝鲜举行劳动党会议", "https://example.org/zh/2", Text: "会议讨论了北部边境地区的经济问题。"),
        new("단둥 세관, 북한산 석탄 밀수 적발", "https://example.org/ko/1", Text: "중국 단둥 세관이 북한산 석탄 밀수를 적발했다."),
        new("조선로동당 중앙위원회 전원회의", "https://example.org/kp/1", Text: "회의에서는 국경지역 경제문제가 토의되였다."),
        new("北朝鮮の石炭密輸、丹東で摘発", "https://example.org/ja/1", Text: "中国の丹東税関が北朝鮮産石炭の密輸を摘発した。"),
        new("Dandong customs seize smuggled coal", "https://example.org/en/1", Text: "Chinese customs in Dandong seized coal smuggled from the DPRK."),
        new("Coalition talks stall in Seoul", "https://example.org/en/2", Text: "The ruling coalition failed to agree on the budget."),
    ];

    async Task<Pipeline> StoredAsync(Store store, string feedId = "mixed", string? language = null, params Entry[] entries)
    {
        var pipeline = await Pipeline.StartAsync(Folder(store));
        var url = server.Serve(Responses.Bytes(FeedXml.Rss("mixed", entries.Length == 0 ? Mixed : entries), Responses.Rss));
        await pipeline.PollOneAsync(Feeds.Rss(feedId, url, language));
        return pipeline;
    }

    static async Task<IReadOnlyList<string>> TitlesAsync(Pipeline pipeline, string query, int limit = 10) =>
        (await pipeline.Services.GetRequiredService<ArchiveSearch>().SearchAsync(new SearchRequest(query, limit), CancellationToken.None))
            .Hits.Select(h => h.Item.Title).ToList();

    public static readonly object[][] Words =
    [
        ["煤", new[] { "丹东海关查获走私煤炭" }], // one Chinese character, inside a word
        ["走私", new[] { "丹东海关查获走私煤炭" }], // two characters, inside a longer run
        ["丹東", new[] { "丹东海关查获走私煤炭", "北朝鮮の石炭密輸、丹東で摘発" }], // traditional query, simplified text
        ["단둥", new[] { "단둥 세관, 북한산 석탄 밀수 적발" }],
        ["로동당", new[] { "조선로동당 중앙위원회 전원회의" }], // DPRK spelling inside a word
        ["노동당", new[] { "조선로동당 중앙위원회 전원회의" }], // ROK spelling finds it too
        ["密輸", new[] { "北朝鮮の石炭密輸、丹東で摘発" }], // Japanese (密輸 also folds to 密输)
        ["coal", new[] { "Dandong customs seize smuggled coal" }], // not "coalition"
        ["coalition", new[] { "Coalition talks stall in Seoul" }],
        ["\"seize smuggled coal\"", new[] { "Dandong customs seize smuggled coal" }],
        ["smuggl*", new[] { "Dandong customs seize smuggled coal" }],
        ["title:丹东", new[] { "丹东海关查获走私煤炭", "北朝鮮の石炭密輸、丹東で摘発" }], // 丹東 folds to 丹东
        ["text:鸭绿江", new[] { "丹东海关查获走私煤炭" }],
        ["title:鸭绿江", new string[0]], // only in the text
    ];

    [Theory, StoreCases(Store.Sqlite, nameof(Words)), StoreCases(Store.Postgres, nameof(Words))]
    public async Task Finds_words_of_every_language_and_length(Store store, string query, string[] expected)
    {
        await using var pipeline = await StoredAsync(store);
        Assert.Equal(expected.Order(), (await TitlesAsync(pipeline, query)).Order());
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task NOT_and_regexes_are_decided_exactly_as_a_rule_would(Store store)
    {
        await using var pipeline = await StoredAsync(store);
        Assert.Equal(["Dandong customs seize smuggled coal"], await TitlesAsync(pipeline, "dandong -丹东 -단둥"));
        Assert.Equal(["Coalition talks stall in Seoul"], await TitlesAsync(pipeline, "/coal[a-z]+/"));
        Assert.Equal(4, (await TitlesAsync(pipeline, "丹东 OR 단둥 OR dandong")).Count);
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task Filters_narrow_by_source_language_and_age(Store store)
    {
        await using var pipeline = await StoredAsync(store, "kyodo-zh", "zh-Hans", Mixed[0], Mixed[1]);
        var other = server.Serve(Responses.Bytes(FeedXml.Rss("en", [Mixed[5]]), Responses.Rss));
        await pipeline.PollOneAsync(Feeds.Rss("state-en", other, "en"));
        await pipeline.Database.ExecuteAsync($"UPDATE items SET first_seen_at = first_seen_at - {TimeSpan.FromDays(10).TotalMilliseconds} WHERE url LIKE '%zh/2'");

        Assert.Equal(["丹东海关查获走私煤炭"], await TitlesAsync(pipeline, "(丹东 OR dandong) source:kyodo-zh"));
        Assert.Equal(["丹东海关查获走私煤炭"], await TitlesAsync(pipeline, "(丹东 OR dandong) source:kyodo*"));
        Assert.Equal(["Dandong customs seize smuggled coal"], await TitlesAsync(pipeline, "(丹东 OR dandong) lang:en"));
        Assert.Equal(["丹东海关查获走私煤炭"], await TitlesAsync(pipeline, "source:kyodo-zh since:7d"));
        var search = pipeline.Services.GetRequiredService<ArchiveSearch>();
        var viaOptions = await search.SearchAsync(new SearchRequest("朝鲜 OR 丹东", 10, Since: "7d", Source: "kyodo-zh", Language: "zh"), CancellationToken.None);
        Assert.Equal(["丹东海关查获走私煤炭"], viaOptions.Hits.Select(h => h.Item.Title));
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task Phrases_spelled_the_traditional_or_the_simplified_way_find_each_other(Store store)
    {
        // Taiwan writes 計畫 where the mainland writes 计划; per character 計畫 folds to 计画.
        await using var pipeline = await StoredAsync(store, "f", null,
            new Entry("美日韓研議因應朝鮮核計畫", "https://example.org/tw/1"),
            new Entry("朝鲜核计划谈判陷入僵局", "https://example.org/zh/1"),
            new Entry("统计局发布画报", "https://example.org/zh/2"));
        string[] both = ["朝鲜核计划谈判陷入僵局", "美日韓研議因應朝鮮核計畫"];
        Assert.Equal(both, (await TitlesAsync(pipeline, "计划")).Order());
        Assert.Equal(both, (await TitlesAsync(pipeline, "計畫")).Order());
        Assert.Equal(both, (await TitlesAsync(pipeline, "核计划")).Order());
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task A_source_filter_also_finds_items_first_seen_in_another_feed(Store store)
    {
        await using var pipeline = await StoredAsync(store, "kyodo-zh", "zh-Hans", Mixed[0]);
        var again = server.Serve(Responses.Bytes(FeedXml.Rss("mirror", [Mixed[0], Mixed[1]]), Responses.Rss));
        await pipeline.PollOneAsync(Feeds.Rss("mirror-zh", again, "zh-Hans"));
        Assert.Equal(["丹东海关查获走私煤炭"], await TitlesAsync(pipeline, "丹东 source:mirror-zh"));
        Assert.Equal(["丹东海关查获走私煤炭"], await TitlesAsync(pipeline, "丹东 source:mirror*"));
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task Newer_items_rank_first_when_relevance_is_equal(Store store)
    {
        await using var pipeline = await StoredAsync(store, "f", null,
            new Entry("丹东口岸 A", "https://example.org/a"), new Entry("丹东口岸 B", "https://example.org/b"));
        await pipeline.Database.ExecuteAsync($"UPDATE items SET first_seen_at = first_seen_at - {TimeSpan.FromDays(30).TotalMilliseconds} WHERE title LIKE '%A'");
        Assert.Equal(["丹东口岸 B", "丹东口岸 A"], await TitlesAsync(pipeline, "丹东"));
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task A_hit_in_the_title_ranks_above_a_hit_in_the_text(Store store)
    {
        await using var pipeline = await StoredAsync(store, "f", null,
            new Entry("边境贸易动态", "https://example.org/a", Text: "据报道，丹东口岸本周恢复通关。"),
            new Entry("丹东口岸恢复通关", "https://example.org/b", Text: "据报道，边境贸易本周恢复。"));
        Assert.Equal(["丹东口岸恢复通关", "边境贸易动态"], await TitlesAsync(pipeline, "丹东口岸"));
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task Matched_terms_come_back_for_highlighting(Store store)
    {
        await using var pipeline = await StoredAsync(store);
        var outcome = await pipeline.Services.GetRequiredService<ArchiveSearch>().SearchAsync(new SearchRequest("走私 煤炭"), CancellationToken.None);
        var hit = Assert.Single(outcome.Hits);
        Assert.Contains(hit.Terms, t => t.Excerpt == "走私");
        Assert.True(outcome.Narrowed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("(丹东")]
    [InlineData("@nosuchconcept")]
    public async Task A_bad_query_is_a_syntax_error_with_a_column(string query)
    {
        await using var pipeline = await StoredAsync(Store.Sqlite);
        await Assert.ThrowsAsync<QuerySyntaxException>(() => TitlesAsync(pipeline, query));
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task Items_stored_before_the_index_existed_are_indexed_at_start(Store store)
    {
        await using (var pipeline = await StoredAsync(store))
            await pipeline.Database.DropIndexAsync();
        await using var restarted = await Pipeline.StartAsync(Folder(store));
        Assert.Equal(["丹东海关查获走私煤炭"], await TitlesAsync(restarted, "煤炭"));
        Assert.Equal(Mixed.Length, await restarted.Database.IndexedItemsAsync());
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task A_poll_of_more_items_than_one_index_statement_carries_is_indexed_whole(Store store)
    {
        var entries = Enumerable.Range(1, 230).Select(n => new Entry($"丹东口岸 {n}", $"https://example.org/many/{n}",
            Text: n == 1 ? "首批煤炭" : n == 230 ? "末批石油" : "其他货物")).ToArray();
        await using var pipeline = await StoredAsync(store, "many", null, entries);
        Assert.Equal(entries.Length, await pipeline.Database.IndexedItemsAsync());
        Assert.Equal(100, (await TitlesAsync(pipeline, "丹东", limit: 100)).Count);
        Assert.Equal(["丹东口岸 1"], await TitlesAsync(pipeline, "煤炭"));
        Assert.Equal(["丹东口岸 230"], await TitlesAsync(pipeline, "石油"));
    }

    public void Dispose() => _folder?.Dispose();
}
