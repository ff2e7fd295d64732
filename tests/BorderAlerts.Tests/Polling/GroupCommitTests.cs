using BorderAlerts.Core.Items;
using BorderAlerts.Core.Parsing;
using BorderAlerts.Core.Polling;
using BorderAlerts.Core.Storage;
using BorderAlerts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BorderAlerts.Tests.Polling;

/// <summary>
/// Group commit on the real stores: the polls of a pass that finish together are recorded in one transaction; one poll
/// the store refuses does not take its neighbours down with it; a late result whose lease was taken over is left out
/// whole; a slow fetch does not hold the others' results back.
/// </summary>
public sealed class GroupCommitTests(FeedServer server) : IClassFixture<FeedServer>
{
    static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    /// <summary>Counts the groups the store is asked to record.</summary>
    sealed class CountingStore(IPollStore inner) : IPollStore
    {
        public List<int> Groups { get; } = [];
        public Task SyncFeedsAsync(IReadOnlyList<Core.Feeds.FeedDefinition> feeds, DateTimeOffset now, CancellationToken cancellationToken) =>
            inner.SyncFeedsAsync(feeds, now, cancellationToken);
        public Task<IReadOnlyList<FeedState>> ClaimAsync(ClaimRequest request, CancellationToken cancellationToken) => inner.ClaimAsync(request, cancellationToken);
        public Task<IReadOnlyList<PollCommit>> CompleteAsync(IReadOnlyList<PollCompletion> completions, CancellationToken cancellationToken)
        {
            lock (Groups) Groups.Add(completions.Count);
            return inner.CompleteAsync(completions, cancellationToken);
        }
    }

    /// <summary>The pipeline's own store, and three feeds leased to the test as a pass would lease them.</summary>
    static async Task<(IPollStore Store, IReadOnlyList<FeedState> Claims)> ClaimThreeAsync(Pipeline pipeline)
    {
        var store = pipeline.Services.GetRequiredService<IPollStore>();
        var feeds = new[] { "a-feed", "b-feed", "c-feed" }.Select(id => Feeds.Rss(id, new Uri($"https://{id}.example.org/rss.xml"), "en")).ToList();
        await store.SyncFeedsAsync(feeds, Now, CancellationToken.None);
        var claims = await store.ClaimAsync(new ClaimRequest(Now, TimeSpan.FromMinutes(5), 10, [.. feeds.Select(f => f.Id)]), CancellationToken.None);
        return (store, claims.OrderBy(c => c.FeedId).ToList());
    }

    /// <param name="untitled">An item without a title, which neither store accepts.</param>
    static PollCompletion Fetched(FeedState claim, bool untitled = false)
    {
        var item = new ParsedItem(null, untitled ? null! : $"News from {claim.FeedId}", new Uri($"https://{claim.FeedId}.example.org/1"), "text", Now);
        var candidate = new CandidateItem(item, ItemIdentity.Keys(item, new Uri($"https://{claim.FeedId}.example.org/rss.xml")), ItemIdentity.ContentHash(item.Title ?? "", "text"));
        return new PollCompletion(claim.FeedId, Now, PollStatus.Fetched, Now.AddMinutes(5))
        {
            HttpStatus = 200, Language = "en", Items = [candidate], ItemsFound = 1, Lease = claim.Lease,
        };
    }

    /// <summary>Three polls started at once: their results form one group, written when the last one is queued.</summary>
    static List<Task<PollCommit>> CompleteTogether(PollGroup group, IEnumerable<PollCompletion> completions)
    {
        var all = completions.ToList();
        foreach (var _ in all) group.StartAsync().Wait();
        return [.. all.Select(group.CompleteAsync)];
    }

    static PollGroup Group(IPollStore store) => new(store, TimeProvider.System, new PollRunnerOptions { GroupDelay = TimeSpan.FromHours(1) });

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task A_pass_records_the_polls_that_finish_together_in_one_transaction(Store store)
    {
        using var folder = new TempFolder(store);
        CountingStore? counting = null;
        await using var pipeline = await Pipeline.StartAsync(folder, services =>
        {
            var inner = services.Last(d => d.ServiceType == typeof(IPollStore)).ImplementationType!;
            services.AddSingleton<IPollStore>(sp => counting = new CountingStore((IPollStore)ActivatorUtilities.CreateInstance(sp, inner)));
            services.AddSingleton(new PollRunnerOptions { GroupDelay = TimeSpan.FromHours(1) }); // only a full group or the pass's end writes
        });
        var feeds = Enumerable.Range(0, 5).Select(i =>
            Feeds.Rss($"outlet-{i}", server.Serve(Responses.Bytes(FeedXml.Rss($"outlet {i}", [FeedXml.Story(Now)(i)]), Responses.Rss)), "zh-Hans")).ToArray();

        var summary = await pipeline.PollAsync(feeds);

        Assert.Equal((5, 5), (summary.Fetched, summary.NewItems));
        Assert.Equal([5], counting!.Groups);
        Assert.Equal(5, await pipeline.Database.CountAsync("items"));
        Assert.Equal(5, await pipeline.Database.CountAsync("feeds", "lease_until IS NULL AND seeded"));
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task A_poll_the_store_refuses_does_not_lose_the_others_in_its_group(Store store)
    {
        using var folder = new TempFolder(store);
        await using var pipeline = await Pipeline.StartAsync(folder);
        var (poll, claims) = await ClaimThreeAsync(pipeline);

        // b's item has no title: the group's transaction fails on it.
        var results = CompleteTogether(Group(poll), [Fetched(claims[0]), Fetched(claims[1], untitled: true), Fetched(claims[2])]);

        Assert.Single((await results[0]).NewItems);
        await Assert.ThrowsAnyAsync<Exception>(() => results[1]);
        Assert.Single((await results[2]).NewItems);
        var probe = pipeline.Database;
        Assert.Equal(2, await probe.CountAsync("items"));
        Assert.Equal(0, await probe.CountAsync("items", "first_feed_id = 'b-feed'"));
        Assert.Equal(2, await probe.CountAsync("feeds", "lease_until IS NULL AND last_status = 200"));
        Assert.Equal(1, await probe.CountAsync("feeds", "id = 'b-feed' AND lease_until IS NOT NULL AND last_attempt_at IS NULL")); // its lease will expire
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task A_late_result_whose_lease_was_taken_over_is_left_out_of_its_group_whole(Store store)
    {
        using var folder = new TempFolder(store);
        await using var pipeline = await Pipeline.StartAsync(folder);
        var (poll, claims) = await ClaimThreeAsync(pipeline);
        var probe = pipeline.Database;
        await probe.ExecuteAsync($"UPDATE feeds SET lease_until = {claims[1].Lease + 1000} WHERE id = 'b-feed'"); // another instance took it over

        var results = CompleteTogether(Group(poll), claims.Select(c => Fetched(c)));

        Assert.Equal([false, true, false], (await Task.WhenAll(results)).Select(c => c.LeaseLost));
        Assert.Equal(2, await probe.CountAsync("items"));
        Assert.Equal(0, await probe.CountAsync("items", "first_feed_id = 'b-feed'"));
        Assert.Equal(0, await probe.CountAsync("sightings", "feed_id = 'b-feed'"));
        Assert.Equal(1, await probe.CountAsync("feeds", $"id = 'b-feed' AND lease_until = {claims[1].Lease + 1000} AND last_attempt_at IS NULL"));
        Assert.Equal(2, await probe.CountAsync("feeds", "lease_until IS NULL AND last_status = 200"));
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task A_slow_fetch_does_not_hold_back_the_results_that_finished_before_it(Store store)
    {
        using var folder = new TempFolder(store);
        await using var pipeline = await Pipeline.StartAsync(folder);
        var (poll, claims) = await ClaimThreeAsync(pipeline);
        var clock = new FakeTimeProvider(Now);
        var group = new PollGroup(poll, clock, new PollRunnerOptions { GroupDelay = TimeSpan.FromMilliseconds(300) });
        foreach (var _ in claims) await group.StartAsync();

        var first = group.CompleteAsync(Fetched(claims[0]));
        var second = group.CompleteAsync(Fetched(claims[1]));
        clock.Advance(TimeSpan.FromMilliseconds(300)); // c is still fetching
        await Task.WhenAll(first, second);
        var last = await group.CompleteAsync(Fetched(claims[2]));

        Assert.Single(last.NewItems);
        Assert.Equal(3, await pipeline.Database.CountAsync("items"));
    }
}
