using System.Collections.Concurrent;
using BorderAlerts.Core.Fetching;
using BorderAlerts.Core.Polling;
using BorderAlerts.Core.Storage;
using BorderAlerts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlerts.Tests.Polling;

/// <summary>
/// Named passes (`poll --all`, `poll --feed ID…`, PollRunner.RunNowAsync) on the real stores: every named feed is
/// claimed once, however many are named, and feeds another poller holds are left to it without ending the pass.
/// </summary>
public sealed class NamedPassTests
{
    /// <summary>Every source answers 304 at once, so a pass costs only its claims and records.</summary>
    sealed class NotModifiedFetcher : IFeedFetcher
    {
        public Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken) =>
            Task.FromResult<FetchResult>(new FetchResult.NotModified(null, null));
    }

    /// <summary>The real store, noting which feeds each claim leased.</summary>
    sealed class ClaimLog(IPollStore inner) : IPollStore
    {
        public ConcurrentQueue<string> Claimed { get; } = new();
        public Task SyncFeedsAsync(IReadOnlyList<Core.Feeds.FeedDefinition> feeds, DateTimeOffset now, CancellationToken cancellationToken) =>
            inner.SyncFeedsAsync(feeds, now, cancellationToken);
        public async Task<IReadOnlyList<FeedState>> ClaimAsync(ClaimRequest request, CancellationToken cancellationToken)
        {
            var claimed = await inner.ClaimAsync(request, cancellationToken);
            foreach (var state in claimed) Claimed.Enqueue(state.FeedId);
            return claimed;
        }
        public Task<IReadOnlyList<PollCommit>> CompleteAsync(IReadOnlyList<PollCompletion> completions, CancellationToken cancellationToken) =>
            inner.CompleteAsync(completions, cancellationToken);
    }

    static async Task<(Pipeline Pipeline, ClaimLog Log)> StartAsync(TempFolder folder, params (string Key, string Value)[] settings)
    {
        ClaimLog? log = null;
        var pipeline = await Pipeline.StartAsync(folder, services =>
        {
            var inner = services.Last(d => d.ServiceType == typeof(IPollStore)).ImplementationType!;
            services.AddSingleton<IPollStore>(sp => log = new ClaimLog((IPollStore)ActivatorUtilities.CreateInstance(sp, inner)));
            services.AddSingleton<IFeedFetcher, NotModifiedFetcher>();
        }, settings);
        _ = pipeline.Services.GetRequiredService<IPollStore>();
        return (pipeline, log!);
    }

    static List<string> Outlets(int count) => [.. Enumerable.Range(0, count).Select(i => $"outlet-{i:D5}")];

    static void Configure(Pipeline pipeline, IEnumerable<string> ids) =>
        pipeline.Catalog.Upsert(ids.Select(id => Feeds.Rss(id, new Uri($"https://{id}.example.org/rss.xml"), "en")));

    [Fact]
    public async Task A_poll_all_pass_over_40000_feeds_claims_every_feed_exactly_once()
    {
        using var folder = new TempFolder(Store.Sqlite);
        var (pipeline, log) = await StartAsync(folder);
        await using var _ = pipeline;
        var ids = Outlets(40_000);
        Configure(pipeline, ids);

        var summary = await pipeline.Runner.RunNowAsync(ids, CancellationToken.None, keepItems: false);

        Assert.Equal((40_000, 40_000, 0), (summary.Feeds, summary.NotModified, summary.Failed));
        var claims = log.Claimed.CountBy(id => id).ToDictionary();
        Assert.Equal(40_000, claims.Count);
        Assert.All(claims, c => Assert.Equal(1, c.Value));
        Assert.Equal(ids, claims.Keys.Order(StringComparer.Ordinal));
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task A_named_pass_leaves_feeds_another_poller_holds_and_polls_all_the_others(Store store)
    {
        using var folder = new TempFolder(store);
        // One feed polled at a time: claims of two, so the held feeds fill whole claims of their own.
        var (pipeline, log) = await StartAsync(folder, ("Polling:Parallelism", "1"));
        await using var _ = pipeline;
        var ids = Outlets(10);
        Configure(pipeline, ids);
        await pipeline.Runner.RunNowAsync([], CancellationToken.None); // syncs the catalog, polls nothing
        string[] held = ["outlet-00002", "outlet-00003", "outlet-00004", "outlet-00005"];
        var other = await pipeline.Services.GetRequiredService<IPollStore>()
            .ClaimAsync(new ClaimRequest(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5), 10, held), CancellationToken.None);
        Assert.Equal(held, other.Select(s => s.FeedId).Order(StringComparer.Ordinal));
        log.Claimed.Clear();

        var summary = await pipeline.Runner.RunNowAsync([.. ids, "outlet-00001", "no-such-feed"], CancellationToken.None);

        var rest = ids.Except(held).ToList();
        Assert.Equal(rest, summary.Reports.Select(r => r.FeedId).Order(StringComparer.Ordinal));
        Assert.Equal(rest, log.Claimed.Order(StringComparer.Ordinal));
    }
}
