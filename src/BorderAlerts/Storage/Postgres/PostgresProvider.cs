using BorderAlerts.Core.Panel;
using BorderAlerts.Core.Feedback;
using BorderAlerts.Settings;
using BorderAlerts.Core.Admin;
using BorderAlerts.Core.Delivery;
using BorderAlerts.Core.Search;
using BorderAlerts.Core.Storage;
using BorderAlerts.Core.Watchlists;
using BorderAlerts.Storage.Segments;
using Npgsql;

namespace BorderAlerts.Storage.Postgres;

/// <summary>Many instances, one database: every instance reads and writes the same store, and claims share the work.</summary>
public sealed class PostgresProvider : StoreProvider
{
    public override void AddStore(IServiceCollection services)
    {
        services.AddSingleton(sp => new PostgresDatabase(Settings<StorageSettings>(sp).ConnectionString!)
        {
            SearchMerger = { Log = sp.GetRequiredService<ILogger<SegmentMerger>>() },
        });
        services.AddSingleton<IPollStore, PostgresPollStore>();
        services.AddSingleton<IFeedHealthReader, PostgresHealthReader>();
        services.AddSingleton<IItemArchive, PostgresItemArchive>();
        services.AddSingleton<ISearchIndex, PostgresSearchIndex>();
        services.AddSingleton<IAdminStore, PostgresAdminStore>();
        services.AddSingleton<IOutboxStore, PostgresOutboxStore>();
        services.AddSingleton<ISentMessages, PostgresOutboxStore>();
        services.AddSingleton<ISeenRequests, PostgresSeenRequests>();
        services.AddSingleton<IInstanceHeartbeats>(sp => new InstanceHeartbeats(async ct => await sp.GetRequiredService<PostgresDatabase>().OpenAsync(ct)));
        services.AddSingleton<ISourceConditions>(sp => sp.GetRequiredService<PostgresDatabase>() is var database
            ? new SourceConditionsTable(async ct => await database.OpenAsync(ct)) : null!);
        services.AddSingleton<IDeliveryLog>(sp => sp.GetRequiredService<PostgresDatabase>() is var database
            ? new DeliveryLogTable(async ct => await database.OpenAsync(ct)) : null!);
        services.AddSingleton<ITranslationStore>(sp => sp.GetRequiredService<PostgresDatabase>() is var database
            ? new TranslationsTable(async ct => await database.OpenAsync(ct)) : null!);
        services.AddSingleton<IFeedbackStore>(sp => sp.GetRequiredService<PostgresDatabase>() is var database
            ? new FeedbackTable(async ct => await database.OpenAsync(ct)) : null!);
        services.AddSingleton<IWatchlistStore>(sp => sp.GetRequiredService<PostgresDatabase>() is var database
            ? new WatchlistsTable(async ct => await database.OpenAsync(ct)) : null!);
        services.AddSingleton<IPanelPassStore>(sp => sp.GetRequiredService<PostgresDatabase>() is var database
            ? new PanelPassesTable(async ct => await database.OpenAsync(ct)) : null!);
        services.AddSingleton<IWebSubStore>(sp => sp.GetRequiredService<PostgresDatabase>() is var database
            ? new WebSubTable(async ct => await database.OpenAsync(ct)) : null!);
        services.AddSingleton(sp => sp.GetRequiredService<PostgresDatabase>() is var database
            ? new PanelKeyRing(async ct => await database.OpenAsync(ct)) : null!);
        services.AddSingleton<IPublishingHistory>(sp => sp.GetRequiredService<PostgresDatabase>() is var database
            ? new PublishingHistoryReader(async ct => await database.OpenAsync(ct)) : null!);
        services.AddSingleton<ISourceLatencyReader>(sp => sp.GetRequiredService<PostgresDatabase>() is var database
            ? new SourceLatencyReader(async ct => await database.OpenAsync(ct)) : null!);
        services.AddSingleton<IActivityReader>(sp => sp.GetRequiredService<PostgresDatabase>() is var database
            ? new ActivityReader(async ct => await database.OpenAsync(ct), SqlDialect.Postgres) : null!);
        services.AddSingleton(sp => sp.GetRequiredService<PostgresDatabase>() is var database
            ? new BriefingsTable(async ct => await database.OpenAsync(ct), SqlDialect.Postgres) : null!);
        services.AddSingleton<IBriefingAlerts>(sp => sp.GetRequiredService<BriefingsTable>());
        services.AddSingleton<IBriefingRuns>(sp => sp.GetRequiredService<BriefingsTable>());
        services.AddSingleton<IStoreProbe, PostgresStoreProbe>();
        services.AddSingleton<IStoreMigrator, PostgresMigrator>();
        services.AddSingleton<StoreTables, PostgresTables>();
    }

    public override string Describe(StorageSettings storage, PathSettings paths) =>
        $"postgres store at {PostgresDatabase.Describe(new NpgsqlConnectionStringBuilder(storage.ConnectionString))}";
}
