using BorderAlerts.Core.Feeds;
using BorderAlerts.Tests.Infrastructure;

namespace BorderAlerts.Tests.ScaleOut;

/// <summary>
/// Several BorderAlerts instances on one PostgreSQL database: each a Pipeline with its own service provider (its own
/// runners, HTTP clients, rate limiters and connection pool), all started at once as a deployment starts them.
/// </summary>
internal sealed class Instances : IAsyncDisposable
{
    Instances(TempFolder folder, Pipeline[] all) => (Folder, All) = (folder, all);

    public TempFolder Folder { get; }
    public Pipeline[] All { get; }

    public static Task<Instances> StartAsync(int count, params (string Key, string Value)[] settings) => StartAsync(count, null, settings);

    /// <param name="rules">rules.yaml, if the instances should alert.</param>
    public static Task<Instances> StartAsync(int count, string? rules, params (string Key, string Value)[] settings) =>
        StartAsync(count, rules, _ => null, settings);

    /// <param name="configure">Extra registrations for instance n (0-based), e.g. a fault in one of them.</param>
    public static async Task<Instances> StartAsync(int count, string? rules, Func<int, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>?> configure,
        params (string Key, string Value)[] settings)
    {
        var folder = new TempFolder(Store.Postgres);
        if (rules is not null) File.WriteAllText(folder.RulesYaml, rules);
        var all = await Task.WhenAll(Enumerable.Range(0, count).Select(n => Pipeline.StartAsync(folder, configure(n), settings)));
        return new Instances(folder, all);
    }

    /// <summary>Every instance reads the same feeds.yaml.</summary>
    public void Configure(IEnumerable<FeedDefinition> feeds)
    {
        foreach (var instance in All) instance.Catalog.Upsert(feeds);
    }

    /// <summary>One due pass on every instance at the same moment, as their scheduler ticks would overlap.</summary>
    public async Task<int[]> PollDueTogetherAsync() =>
        (await Task.WhenAll(All.Select(i => Task.Run(() => i.Runner.RunDueAsync(CancellationToken.None))))).Select(s => s.Feeds).ToArray();

    /// <summary>Delivery passes on every instance at once until the outbox has nothing pending.</summary>
    public async Task DeliverTogetherAsync()
    {
        await Eventually.TrueAsync(async () =>
        {
            await Task.WhenAll(All.Select(i => Task.Run(i.DeliverAsync)));
            return await All[0].Database.CountAsync("deliveries", "status = 'pending'") == 0;
        }, "every instance has delivered what it claimed", TimeSpan.FromMinutes(3));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in All) await instance.DisposeAsync();
        Folder.Dispose();
    }
}
