using BorderAlerts.Core.Rules;
using BorderAlerts.Core.Rules.Query;
using BorderAlerts.Core.Search;
using BorderAlerts.Core.Watchlists;
using BorderAlerts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlerts.Tests.Search;

/// <summary>
/// <c>@list-id</c> in archive search, through the real composition root with a catalog registered in place of
/// NoWatchlists: the index narrows it like any concept, and the exact check keeps the context rule for short names.
/// </summary>
public sealed class WatchlistSearchTests(FeedServer server) : IClassFixture<FeedServer>, IDisposable
{
    TempFolder? _folder;

    static readonly Entry[] Items =
    [
        new("US sanctions Korea Mining Development over arms sales", "https://example.org/en/1", Text: "Treasury named the firm."),
        new("Tanker Honesty seized off Basra", "https://example.org/en/2", Text: "The vessel carried oil."),
        new("Honesty is the best policy, minister says", "https://example.org/en/3", Text: "A speech on public service."),
        new("Dandong customs seize smuggled coal", "https://example.org/en/4", Text: "Chinese customs in Dandong seized coal."),
    ];

    static readonly WatchlistSnapshot List = new(new WatchlistDefinition
    {
        Id = "dprk-list", Name = "Test list", Url = new Uri("https://lists.example/x.xml"), Format = WatchlistFormat.OfacSdnXml,
    },
    [
        new WatchlistEntry { ListId = "dprk-list", EntryId = "8590", Type = WatchlistEntryType.Entity, Name = "KOREA MINING DEVELOPMENT TRADING CORPORATION" },
        new WatchlistEntry { ListId = "dprk-list", EntryId = "15056", Type = WatchlistEntryType.Vessel, Name = "HONESTY" },
    ], DateTimeOffset.UnixEpoch);

    sealed class OneList : IWatchlistCatalog
    {
        public (IReadOnlyList<WatchlistSnapshot> Lists, long Version) Current() => ([List], 1);
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task A_list_concept_finds_its_names_and_is_narrowed_by_the_index(Store store)
    {
        await using var pipeline = await Pipeline.StartAsync(_folder = new TempFolder(store), s => s.AddSingleton<IWatchlistCatalog>(new OneList()));
        await pipeline.PollOneAsync(Feeds.Rss("en", server.Serve(Responses.Bytes(FeedXml.Rss("en", Items), Responses.Rss))));

        var search = pipeline.Services.GetRequiredService<ArchiveSearch>();
        var titles = (await search.SearchAsync(new SearchRequest("@dprk-list", 10), CancellationToken.None)).Hits.Select(h => h.Item.Title).Order().ToList();
        Assert.Equal(["Tanker Honesty seized off Basra", "US sanctions Korea Mining Development over arms sales"], titles);

        var rules = pipeline.Services.GetRequiredService<IRuleSource>().Current;
        var plan = SearchPlanner.Plan(QueryParser.Parse("@dprk-list", rules.Concepts, rules.Watchlists), DateTimeOffset.UtcNow);
        Assert.NotNull(plan.Restriction);
    }

    public void Dispose() => _folder?.Dispose();
}
