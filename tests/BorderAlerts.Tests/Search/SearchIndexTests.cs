using System.Text;
using BorderAlerts.Core.Rules.Query;
using BorderAlerts.Core.Search;
using BorderAlerts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlerts.Tests.Search;

/// <summary>
/// The index port on both stores: what it returns must be a superset of what the query matches (never stricter), so
/// phrases stay inside one field and long texts are found to their end, past PostgreSQL's position limits.
/// </summary>
public sealed class SearchIndexTests(FeedServer server) : IClassFixture<FeedServer>
{
    static async Task<Pipeline> StoredAsync(TempFolder folder, FeedServer server, params Entry[] entries)
    {
        var pipeline = await Pipeline.StartAsync(folder);
        var url = server.Serve(Responses.Bytes(FeedXml.Rss("f", entries), Responses.Rss));
        await pipeline.PollOneAsync(Feeds.Rss("f", url, "en"));
        return pipeline;
    }

    static async Task<IReadOnlyList<string>> CandidatesAsync(Pipeline pipeline, SearchExpression restriction)
    {
        var titles = new List<string>();
        await foreach (var c in pipeline.Services.GetRequiredService<ISearchIndex>().CandidatesAsync(restriction, SearchFilters.None, CancellationToken.None))
            titles.Add(c.Title);
        return titles;
    }

    static TokenPhrase Phrase(Fields fields, params string[] tokens) => new(tokens, Unigram: false, Prefix: false, fields);

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task A_phrase_never_spans_the_title_and_the_text(Store store)
    {
        using var folder = new TempFolder(store);
        await using var pipeline = await StoredAsync(folder, server,
            new Entry("Dandong customs seize smuggled coal", "https://example.org/1", Text: "Chinese customs in Dandong seized coal."));
        // The index may let more through than a phrase (SQLite's keeps no positions or fields), never less ...
        Assert.Single(await CandidatesAsync(pipeline, Phrase(Fields.Any, "smuggled", "coal")));
        Assert.Single(await CandidatesAsync(pipeline, Phrase(Fields.Text, "chinese", "customs")));
        Assert.Single(await CandidatesAsync(pipeline, new TokenPhrase(["seize", "smug"], Unigram: false, Prefix: true, Fields.Title)));
        // ... and the search after it is exact.
        var search = pipeline.Services.GetRequiredService<ArchiveSearch>();
        async Task<int> HitsAsync(string query) => (await search.SearchAsync(new SearchRequest(query), CancellationToken.None)).Hits.Count;
        Assert.Equal(0, await HitsAsync("\"coal chinese\""));
        Assert.Equal(0, await HitsAsync("title:\"chinese customs\""));
        Assert.Equal(1, await HitsAsync("text:\"chinese customs\""));
        Assert.Equal(1, await HitsAsync("title:smug*"));
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task Words_past_the_16383rd_token_and_phrases_of_very_common_words_are_found(Store store)
    {
        // 17,000 CJK characters are 17,000 bigram tokens, more positions than a tsvector keeps; "the" 300 times is more
        // than the 256 positions it keeps of one word.
        var run = new StringBuilder();
        for (int i = 0; i < 17_000; i++) run.Append((char)(0x4E00 + i % 2000));
        using var folder = new TempFolder(store);
        await using var pipeline = await StoredAsync(folder, server,
            new Entry("长文", "https://example.org/long", Text: run + "，丹东海关查获走私煤炭。"),
            new Entry("Common words", "https://example.org/common", Text: string.Join(' ', Enumerable.Repeat("the", 300)) + " the end"));

        var search = pipeline.Services.GetRequiredService<ArchiveSearch>();
        Assert.Equal(["长文"], (await search.SearchAsync(new SearchRequest("丹东海关"), CancellationToken.None)).Hits.Select(h => h.Item.Title));
        Assert.Equal(["长文"], (await search.SearchAsync(new SearchRequest("text:\"走私煤炭\""), CancellationToken.None)).Hits.Select(h => h.Item.Title));
        Assert.Equal(["Common words"], (await search.SearchAsync(new SearchRequest("\"the end\""), CancellationToken.None)).Hits.Select(h => h.Item.Title));
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task Candidates_come_newest_first_without_gaps_however_many_match(Store store)
    {
        // 2,600 items: more than PostgreSQL's first id windows and pages hold, so the walk must continue inside a window
        // (every item says "cargo") and across wider ones ("rare" in one item in ten; "first" in the oldest alone).
        var entries = Enumerable.Range(1, 2_600).Select(n => new Entry($"Cargo {n}", $"https://example.org/cargo/{n}",
            Text: n == 1 ? "first rare" : n % 10 == 0 ? "rare" : "other")).ToArray();
        using var folder = new TempFolder(store);
        await using var pipeline = await StoredAsync(folder, server, entries);
        var index = pipeline.Services.GetRequiredService<ISearchIndex>();
        async Task<List<long>> IdsAsync(string word)
        {
            var ids = new List<long>();
            await foreach (var c in index.CandidatesAsync(Phrase(Fields.Any, word), SearchFilters.None, CancellationToken.None)) ids.Add(c.Id);
            return ids;
        }

        var all = await IdsAsync("cargo");
        Assert.Equal(ArchiveSearch.MaxExamined + 1, all.Count);
        Assert.True(all.Zip(all.Skip(1)).All(pair => pair.First == pair.Second + 1), "the newest items, one after another");
        var rare = await IdsAsync("rare");
        Assert.Equal(261, rare.Count);
        Assert.Equal(rare.OrderDescending(), rare);
        Assert.Equal([all.Min() - (2_600 - ArchiveSearch.MaxExamined - 1)], await IdsAsync("first"));
        var unrestricted = new List<long>(); // no restriction (NOT only, a regex): the newest items, read in pages
        await foreach (var c in index.CandidatesAsync(null, SearchFilters.None, CancellationToken.None)) unrestricted.Add(c.Id);
        Assert.Equal(all, unrestricted);
    }
}
