using BorderAlerts.Chat;
using BorderAlerts.Core.Feeds;
using BorderAlerts.Core.Polling;
using BorderAlerts.Core.Storage;
using BorderAlerts.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlerts.Tests.Infrastructure;

/// <summary>
/// The real pipeline from the real composition root (<see cref="ServiceCollectionExtensions.AddBorderAlerts"/> with
/// in-memory settings): HttpFeedFetcher over SocketsHttpHandler, FeedPoller, PollRunner and the store of the folder
/// (a SQLite file in it, or its PostgreSQL database), migrated as the host does. Only the feed catalog is swapped
/// for an in-memory one, and alert cards go to <see cref="Cards"/> instead of the console. Rules come from
/// rules.yaml in the folder's config/ if a test writes one. Disposing stops the container but keeps the folder, so
/// a second Pipeline on the same folder is a restart, and two started at once are two instances sharing one store.
/// </summary>
public sealed class Pipeline : IAsyncDisposable
{
    readonly ServiceProvider _services;

    Pipeline(ServiceProvider services, InMemoryCatalog catalog)
    {
        _services = services;
        Catalog = catalog;
    }

    public InMemoryCatalog Catalog { get; }
    /// <summary>What the console notifier printed: one card per alert.</summary>
    public StringWriter Cards { get; } = new();
    public PollRunner Runner => _services.GetRequiredService<PollRunner>();
    /// <summary>The store's tables, read directly (SQLite or PostgreSQL, as the folder says).</summary>
    public StoreProbe Database => StoreProbe.For(_services);
    public IFeedHealthReader HealthReader => _services.GetRequiredService<IFeedHealthReader>();
    public IServiceProvider Services => _services;

    /// <summary>One delivery pass, as the delivery job runs it: what the outbox holds goes to its destinations.</summary>
    public Task<int> DeliverAsync() => _services.GetRequiredService<BorderAlerts.Core.Delivery.DeliveryRunner>().RunAsync(CancellationToken.None);

    /// <param name="settings">Extra BorderAlerts settings, e.g. ("Fetch:TimeoutSeconds", "1").</param>
    public static Task<Pipeline> StartAsync(TempFolder folder, params (string Key, string Value)[] settings) => StartAsync(folder, null, settings);

    /// <param name="configure">Registrations added after the composition root's (the last registration wins), e.g. a decorator.</param>
    public static async Task<Pipeline> StartAsync(TempFolder folder, Action<IServiceCollection>? configure, params (string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string?>
        {
            ["BorderAlerts:DataDir"] = folder.Data,
            ["BorderAlerts:ConfigDir"] = folder.Config,
        };
        foreach (var (key, value) in folder.StoreSettings().Concat(settings)) values["BorderAlerts:" + key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var catalog = new InMemoryCatalog();
        var collection = new ServiceCollection()
            .AddLogging()
            .AddBorderAlerts(configuration)
            .AddSingleton<IFeedCatalog>(catalog);
        configure?.Invoke(collection);
        var services = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        await AppHost.PrepareAsync(services, CancellationToken.None);
        var pipeline = new Pipeline(services, catalog);
        services.GetRequiredService<ConsoleSink>().Output = pipeline.Cards;
        return pipeline;
    }

    /// <summary>Adds (or updates) the feeds in the catalog and polls them now, due or not: `poll --feed`.</summary>
    public async Task<PollSummary> PollAsync(params FeedDefinition[] feeds)
    {
        Catalog.Upsert(feeds);
        return await Runner.RunNowAsync([.. feeds.Select(f => f.Id)], CancellationToken.None);
    }

    public async Task<PollReport> PollOneAsync(FeedDefinition feed) => (await PollAsync(feed)).Reports.Single();

    public async Task<FeedHealth> HealthAsync(string feedId) =>
        (await HealthReader.ListHealthAsync(DateTimeOffset.UtcNow, CancellationToken.None)).Single(h => h.FeedId == feedId);

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
