using BorderAlerts.Core.Rules.Query;
using BorderAlerts.Core.Search;
using BorderAlerts.Storage;
using BorderAlerts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlerts.Tests.Search;

/// <summary>Archive search through the real composition root, over items stored by real polls into SQLite FTS5.</summary>
public sealed class ArchiveSearchTests(FeedServer server) : IClassFixture<FeedServer>, IDisposable
{
    static readonly DateTimeOffset Published = new(2026, 11, 29, 9, 0, 0, TimeSpan.Zero);
    readonly TempFolder _folder = new();

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

    async Task<Pipeline> StoredAsync(string feedId = "mixed", string? language = null, params Entry[] entries)
    {
        var pipeline = await Pipeline.StartAsync(_folder);
        var url = server.Serve(Responses.Bytes(FeedXml.Rss("mixed", entries.Length == 0 ? Mixed : entries), Responses.Rss));
        await pipeline.PollOneAsync(Feeds.Rss(feedId, url, language));
        return pipeline;
    }

    static async Task<IReadOnlyList<string>> TitlesAsync(Pipeline pipeline, string query, int limit = 10) =>
        (await pipeline.Services.GetRequiredService<ArchiveSearch>().SearchAsync(new SearchRequest(query, limit), CancellationToken.None))
            .Hits.Select(h => h.Item.Title).ToList();

    [Theory]
    [InlineData("煤", new[] { "丹东海关查获走私煤炭" })] // one Chinese character, inside a word
    [InlineData("走私", new[] { "丹东海关查获走私煤炭" })] // two characters, inside a longer run
    [InlineData("丹東", new[] { "丹东海关查获走私煤炭", "北朝鮮の石炭密輸、丹東で摘発" })] // traditional query, simplified text
    [InlineData("단둥", new[] { "단둥 세관, 북한산 석탄 밀수 적발" })]
    [InlineData("로동당", new[] { "조선로동당 중앙위원회 전원회의" })] // DPRK spelling inside a word
    [InlineData("密輸", new[] { "北朝鮮の石炭密輸、丹東で摘発" })] // Japanese (密輸 also folds to 密输)
    [InlineData("coal", new[] { "Dandong customs seize smuggled coal" })] // not "coalition"
    [InlineData("coalition", new[] { "Coalition talks stall in Seoul" })]
    [InlineData("\"seize smuggled coal\"", new[] { "Dandong customs seize smuggled coal" })]
    [InlineData("smuggl*", new[] { "Dandong customs seize smuggled coal" })]
    [InlineData("title:丹东", new[] { "丹东海关查获走私煤炭" })] // the Japanese item has 丹東 in its title too...
    public async Task Finds_words_of_every_language_and_length(string query, string[] expected)
    {
        await using var pipeline = await StoredAsync();
        var titles = await TitlesAsync(pipeline, query);
        if (query == "title:丹东") expected = [.. expected, "北朝鮮の石炭密輸、丹東で摘発"]; // ...and 丹東 folds to 丹东
        Assert.Equal(expected.Order(), titles.Order());
    }

    [Fact]
    public async Task NOT_and_regexes_are_decided_exactly_as_a_rule_would()
    {
        await using var pipeline = await StoredAsync();
        Assert.Equal(["Dandong customs seize smuggled coal"], await TitlesAsync(pipeline, "dandong -丹东 -단둥"));
        Assert.Equal(["Coalition talks stall in Seoul"], await TitlesAsync(pipeline, "/coal[a-z]+/"));
        Assert.Equal(4, (await TitlesAsync(pipeline, "丹东 OR 단둥 OR dandong")).Count);
    }

    [Fact]
    public async Task Filters_narrow_by_source_language_and_age()
    {
        await using var pipeline = await StoredAsync("kyodo-zh", "zh-Hans", Mixed[0], Mixed[1]);
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

    [Fact]
    public async Task Newer_items_rank_first_when_relevance_is_equal()
    {
        await using var pipeline = await StoredAsync("f", null,
            new Entry("丹东口岸 A", "https://example.org/a"), new Entry("丹东口岸 B", "https://example.org/b"));
        await pipeline.Database.ExecuteAsync($"UPDATE items SET first_seen_at = first_seen_at - {TimeSpan.FromDays(30).TotalMilliseconds} WHERE title LIKE '%A'");
        Assert.Equal(["丹东口岸 B", "丹东口岸 A"], await TitlesAsync(pipeline, "丹东"));
    }

    [Fact]
    public async Task Matched_terms_come_back_for_highlighting()
    {
        await using var pipeline = await StoredAsync();
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
        await using var pipeline = await StoredAsync();
        await Assert.ThrowsAsync<QuerySyntaxException>(() => TitlesAsync(pipeline, query));
    }

    [Fact]
    public async Task Items_stored_before_the_index_existed_are_indexed_at_start()
    {
        await using (var pipeline = await StoredAsync())
            await pipeline.Database.ExecuteAsync("DELETE FROM search_index");
        await using var restarted = await Pipeline.StartAsync(_folder);
        Assert.Equal(["丹东海关查获走私煤炭"], await TitlesAsync(restarted, "煤炭"));
        Assert.Equal(Mixed.Length, await restarted.Database.CountAsync("search_index"));
    }

    [Fact]
    public async Task A_poll_of_more_items_than_one_index_statement_carries_is_indexed_whole()
    {
        var entries = Enumerable.Range(1, 230).Select(n => new Entry($"丹东口岸 {n}", $"https://example.org/many/{n}",
            Text: n == 1 ? "首批煤炭" : n == 230 ? "末批石油" : "其他货物")).ToArray();
        await using var pipeline = await StoredAsync("many", null, entries);
        Assert.Equal(entries.Length, await pipeline.Database.CountAsync("search_index"));
        Assert.Equal(100, (await TitlesAsync(pipeline, "丹东", limit: 100)).Count);
        Assert.Equal(["丹东口岸 1"], await TitlesAsync(pipeline, "煤炭"));
        Assert.Equal(["丹东口岸 230"], await TitlesAsync(pipeline, "石油"));
    }

    public void Dispose() => _folder.Dispose();
}
