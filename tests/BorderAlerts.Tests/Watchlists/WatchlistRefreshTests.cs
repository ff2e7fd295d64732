using BorderAlerts.Core.Polling;
using BorderAlerts.Core.Watchlists;
using BorderAlerts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlerts.Tests.Watchlists;

/// <summary>
/// Refreshing a watchlist from a loopback list server into the store, and the copy in force on every instance: a new
/// copy is kept and seen elsewhere, an unchanged list costs one conditional request, and a failing or shrunken list
/// keeps its previous copy and is told once.
/// </summary>
public sealed class WatchlistRefreshTests(FeedServer server) : IClassFixture<FeedServer>
{
    static WatchlistRefresher Refresher(Pipeline instance) => instance.Services.GetRequiredService<WatchlistRefresher>();
    static StoredWatchlistCatalog Catalog(Pipeline instance) => instance.Services.GetRequiredService<StoredWatchlistCatalog>();
    static Task<WatchlistRefreshOutcome> RefreshAsync(Pipeline instance) => ListFiles.RefreshAsync(instance.Services);

    async Task<IReadOnlyList<WatchlistEntry>> InForceAsync(Pipeline instance)
    {
        await Catalog(instance).RefreshAsync(CancellationToken.None);
        return Catalog(instance).Current().Lists.Single(l => l.List.Id == "ofac-sdn").Entries;
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task A_refreshed_list_is_stored_filtered_and_in_force_on_another_instance(Store store)
    {
        using var folder = new TempFolder(store);
        ListFiles.Configure(folder, server.Serve(Responses.Fixture("watchlists/ofac_sdn.xml", "application/xml", etag: "\"v1\""), "sdn.xml"));
        await using var first = await Pipeline.StartAsync(folder);
        await using var second = await Pipeline.StartAsync(folder);
        var before = Catalog(second).Current().Version;

        var outcome = (await Refresher(first).RefreshDueAsync(CancellationToken.None)).Single();
        var entries = await InForceAsync(second);

        Assert.Equal(WatchlistRefreshKind.Updated, outcome.Kind);
        Assert.NotEqual(before, Catalog(second).Current().Version);
        Assert.All(entries, e => Assert.Contains(e.Programs, p => p.StartsWith("DPRK", StringComparison.Ordinal)));
        var vessel = Assert.Single(entries, e => e.Name == "YUK TUNG");
        Assert.Equal(WatchlistEntryType.Vessel, vessel.Type);
        Assert.Contains(new WatchlistIdentifier(WatchlistIdentifier.Imo, "9030591"), vessel.Identifiers);
        Assert.DoesNotContain(entries, e => e.Name == "HONESTY"); // an IRAN designation, outside DPRK*
        Assert.Equal(outcome.Entries, entries.Count);
        Assert.Empty(outcome.Notices); // the first copy seeds: no "new designations" for a whole list
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task A_refresh_of_an_unchanged_list_is_one_conditional_request_answered_304_that_changes_nothing(Store store)
    {
        using var folder = new TempFolder(store);
        var (instance, url) = await StartRefreshedAsync(folder, ListFiles.Ofac(ListFiles.Firms(5)));
        await using var _ = instance;
        await InForceAsync(instance);
        var (version, state) = (Catalog(instance).Current().Version, await StateAsync(instance));

        var outcome = await RefreshAsync(instance);

        Assert.Equal(WatchlistRefreshKind.Unchanged, outcome.Kind);
        Assert.Equal(2, server.RequestCount(url));
        Assert.Equal("\"v1\"", server.RequestsTo(url)[1].IfNoneMatch);
        Assert.False(await Catalog(instance).RefreshAsync(CancellationToken.None));
        Assert.Equal(version, Catalog(instance).Current().Version);
        Assert.Equal(state.RefreshedAt, (await StateAsync(instance)).RefreshedAt);
        Assert.Empty(outcome.Notices);
    }

    [Fact]
    public async Task A_list_refreshed_now_is_not_due_again_until_its_interval_has_passed()
    {
        using var folder = new TempFolder();
        var (instance, url) = await StartAsync(folder, ListFiles.Ofac(ListFiles.Firms(3)));
        await using var _ = instance;

        var first = await Refresher(instance).RefreshDueAsync(CancellationToken.None);
        var second = await Refresher(instance).RefreshDueAsync(CancellationToken.None);

        Assert.Single(first);
        Assert.Empty(second);
        Assert.Equal(1, server.RequestCount(url));
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task A_failing_list_keeps_its_copy_and_is_told_once_across_instances_and_its_recovery_once(Store store)
    {
        using var folder = new TempFolder(store);
        var (instance, url) = await StartRefreshedAsync(folder, ListFiles.Ofac(ListFiles.Firms(6)));
        await using var _ = instance;

        await using var other = await Pipeline.StartAsync(folder);

        server.Answer(url, Responses.Status(500));
        var failed = await RefreshAsync(instance);
        server.Answer(url, Responses.Text("<html><body>maintenance</body></html>", "text/html"));
        var refused = await RefreshAsync(other); // another instance: the condition told is in the store
        var entries = await InForceAsync(instance);
        var failing = await StateAsync(instance);
        server.Answer(url, ListFiles.Xml(ListFiles.Ofac(ListFiles.Firms(6)), "\"v2\""));
        var recovered = await RefreshAsync(instance);

        Assert.Equal((WatchlistRefreshKind.Failed, WatchlistRefreshKind.Failed), (failed.Kind, refused.Kind));
        var notice = Assert.Single(failed.Notices);
        Assert.Contains("'ofac-sdn'", notice);
        Assert.Contains("500", notice);
        Assert.Contains("(6 entries) stays in force", notice);
        Assert.Empty(refused.Notices);
        Assert.Equal(6, entries.Count);
        Assert.Equal(2, failing.ConsecutiveFailures);
        Assert.Contains("html", failing.LastError, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["Watchlist 'ofac-sdn' (OFAC SDN list) refreshes again."], recovered.Notices);
        Assert.Equal(0, (await StateAsync(instance)).ConsecutiveFailures);
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task A_copy_with_fewer_than_half_the_entries_is_refused_and_told_once(Store store)
    {
        using var folder = new TempFolder(store);
        var (instance, url) = await StartRefreshedAsync(folder, ListFiles.Ofac(ListFiles.Firms(10)));
        await using var _ = instance;

        server.Answer(url, ListFiles.Xml(ListFiles.Ofac(ListFiles.Firms(4)), "\"v2\""));
        var refused = await RefreshAsync(instance);
        var again = await RefreshAsync(instance);
        var entries = await InForceAsync(instance);
        server.Answer(url, ListFiles.Xml(ListFiles.Ofac(ListFiles.Firms(9)), "\"v3\""));
        var accepted = await RefreshAsync(instance);

        Assert.Equal(WatchlistRefreshKind.Refused, refused.Kind);
        Assert.Contains("4 entries where the copy in force has 10", Assert.Single(refused.Notices));
        Assert.Empty(again.Notices);
        Assert.Equal(10, entries.Count);
        Assert.Equal(WatchlistRefreshKind.Updated, accepted.Kind);
        Assert.Contains("Watchlist 'ofac-sdn' (OFAC SDN list) was accepted again after a refused copy.", accepted.Notices);
    }

    [Fact]
    public async Task A_refresh_that_changes_the_entries_tells_additions_and_removals_in_one_notice()
    {
        using var folder = new TempFolder();
        var (instance, url) = await StartRefreshedAsync(folder, ListFiles.Ofac(ListFiles.Firms(10)));
        await using var _ = instance;

        server.Answer(url, ListFiles.Xml(ListFiles.Ofac([.. ListFiles.Firms(9, first: 2), new Designation(77, "KUMSAN", "Vessel")]), "\"v2\""));
        var outcome = await RefreshAsync(instance);

        Assert.Equal(
            "1 new DPRK designation on the OFAC SDN list: KUMSAN (vessel, DPRK3); 1 removed: TRADING FIRM 1 (entity, DPRK3).",
            Assert.Single(outcome.Notices));
    }

    [Theory, InlineData(3, WatchlistRefreshKind.Updated), InlineData(1, WatchlistRefreshKind.Failed)]
    public async Task A_list_is_held_to_its_own_size_cap_not_the_feeds_cap(int maxMegabytes, WatchlistRefreshKind expected)
    {
        using var folder = new TempFolder();
        var list = ListFiles.Ofac(ListFiles.Firms(15_000)); // about 2 MB
        ListFiles.Configure(folder, server.Serve(ListFiles.Xml(list, "\"v1\""), "sdn.xml"), maxMegabytes: maxMegabytes);
        await using var instance = await Pipeline.StartAsync(folder, ("Fetch:MaxBodyMegabytes", "1"));

        var outcome = await RefreshAsync(instance);

        Assert.InRange(list.Length, 1_500_000, 3_000_000);
        Assert.Equal(expected, outcome.Kind);
        if (expected == WatchlistRefreshKind.Failed) Assert.Contains("larger than the 1 MB cap", outcome.Message);
        else Assert.Equal(Enumerable.Range(1, 15_000).Select(i => i.ToString()), (await InForceAsync(instance)).Select(e => e.EntryId)); // all, in order
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task Two_instances_refreshing_at_the_same_due_time_fetch_the_list_once(Store store)
    {
        using var folder = new TempFolder(store);
        var url = server.Serve(ListFiles.Xml(ListFiles.Ofac(ListFiles.Firms(3)), "\"v1\""), "sdn.xml");
        ListFiles.Configure(folder, url);
        await using var first = await Pipeline.StartAsync(folder);
        await using var second = await Pipeline.StartAsync(folder);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => Refresher(i % 2 == 0 ? first : second).RefreshDueAsync(CancellationToken.None))));

        Assert.Equal(1, server.RequestCount(url));
        Assert.Single(outcomes.SelectMany(o => o), o => o.Kind == WatchlistRefreshKind.Updated);
    }

    /// <summary>An instance on the folder whose watchlists.yaml lists ofac-sdn at a fresh address answering <paramref name="list"/> (ETag "v1").</summary>
    async Task<(Pipeline Instance, Uri Url)> StartAsync(TempFolder folder, byte[] list)
    {
        var url = server.Serve(ListFiles.Xml(list, "\"v1\""), "sdn.xml");
        ListFiles.Configure(folder, url);
        return (await Pipeline.StartAsync(folder), url);
    }

    /// <summary>The same, with the list refreshed once: its first copy in force.</summary>
    async Task<(Pipeline Instance, Uri Url)> StartRefreshedAsync(TempFolder folder, byte[] list)
    {
        var (instance, url) = await StartAsync(folder, list);
        await RefreshAsync(instance);
        return (instance, url);
    }

    static async Task<WatchlistState> StateAsync(Pipeline instance) =>
        (await instance.Services.GetRequiredService<IWatchlistStore>().ListStatesAsync(CancellationToken.None)).Single(s => s.ListId == "ofac-sdn");
}
