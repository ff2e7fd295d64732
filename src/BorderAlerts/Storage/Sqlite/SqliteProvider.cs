using BorderAlerts.Core.Panel;
using BorderAlerts.Core.Feedback;
using BorderAlerts.Settings;
using BorderAlerts.Core.Admin;
using BorderAlerts.Core.Delivery;
using BorderAlerts.Core.Search;
using BorderAlerts.Core.Storage;
using BorderAlerts.Core.Watchlists;
using BorderAlerts.Storage.Segments;

namespace BorderAlerts.Storage.Sqlite;

/// <summary>One process, one file.</summary>
public sealed class SqliteProvider : StoreProvider
{
    public override void AddStore(IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var database = Settings<StorageSettings>(sp).ConnectionString is { Length: > 0 } connection
                ? new SqliteDatabase(connection)
                : SqliteDatabase.InDataDir(Settings<PathSettings>(sp).DataDir);
            database.SearchMerger.Log = sp.GetRequiredService<ILogger<SegmentMerger>>();
            return database;
        });
        services.AddSingleton<IPollStore, SqlitePollStore>();
        services.AddSingleton<IFeedHealthReader, SqliteHealthReader>();
        services.AddSingleton<IItemArchive, SqliteItemArchive>();
        services.AddSingleton<ISearchIndex, SqliteSearchIndex>();
        services.AddSingleton<IAdminStore, SqliteAdminStore>();
        services.AddSingleton<IOutboxStore, SqliteOutboxStore>();
        services.AddSingleton<ISentMessages, SqliteOutboxStore>();
        services.AddSingleton<ISeenRequests, SqliteSeenRequests>();
        services.AddSingleton<IInstanceHeartbeats>(sp =>
        {
            var database = sp.GetRequiredService<SqliteDatabase>();
            return new InstanceHeartbeats(async ct => await database.OpenAsync(ct), database.WriteLock);
        });
        services.AddSingleton<ISourceConditions>(sp => sp.GetRequiredService<SqliteDatabase>() is var database
            ? new SourceConditionsTable(async ct => await database.OpenAsync(ct), database.WriteLock) : null!);
        services.AddSingleton<IDeliveryLog>(sp => sp.GetRequiredService<SqliteDatabase>() is var database
            ? new DeliveryLogTable(async ct => await database.OpenAsync(ct), database.WriteLock) : null!);
        services.AddSingleton<ITranslationStore>(sp => sp.GetRequiredService<SqliteDatabase>() is var database
            ? new TranslationsTable(async ct => await database.OpenAsync(ct), database.WriteLock) : null!);
        services.AddSingleton<IFeedbackStore>(sp => sp.GetRequiredService<SqliteDatabase>() is var database
            ? new FeedbackTable(async ct => await database.OpenAsync(ct), database.WriteLock) : null!);
        services.AddSingleton<IWatchlistStore>(sp => sp.GetRequiredService<SqliteDatabase>() is var database
            ? new WatchlistsTable(async ct => await database.OpenAsync(ct), database.WriteLock) : null!);
        services.AddSingleton<IPanelPassStore>(sp => sp.GetRequiredService<SqliteDatabase>() is var database
            ? new PanelPassesTable(async ct => await database.OpenAsync(ct), database.WriteLock) : null!);
        services.AddSingleton<IWebSubStore>(sp => sp.GetRequiredService<SqliteDatabase>() is var database
            ? new WebSubTable(async ct => await database.OpenAsync(ct), database.WriteLock) : null!);
        services.AddSingleton(sp => sp.GetRequiredService<SqliteDatabase>() is var database
            ? new PanelKeyRing(async ct => await database.OpenAsync(ct), database.WriteLock) : null!);
        services.AddSingleton<IPublishingHistory>(sp => sp.GetRequiredService<SqliteDatabase>() is var database
            ? new PublishingHistoryReader(async ct => await database.OpenAsync(ct)) : null!);
        services.AddSingleton<ISourceLatencyReader>(sp => sp.GetRequiredService<SqliteDatabase>() is var database
            ? new SourceLatencyReader(async ct => await database.OpenAsync(ct)) : null!);
        services.AddSingleton<IActivityReader>(sp => sp.GetRequiredService<SqliteDatabase>() is var database
            ? new ActivityReader(async ct => await database.OpenAsync(ct), SqlDialect.Sqlite) : null!);
        services.AddSingleton(sp => sp.GetRequiredService<SqliteDatabase>() is var database
            ? new BriefingsTable(async ct => await database.OpenAsync(ct), SqlDialect.Sqlite, database.WriteLock) : null!);
        services.AddSingleton<IBriefingAlerts>(sp => sp.GetRequiredService<BriefingsTable>());
        services.AddSingleton<IBriefingRuns>(sp => sp.GetRequiredService<BriefingsTable>());
        services.AddSingleton<IStoreProbe, SqliteStoreProbe>();
        services.AddSingleton<IStoreMigrator>(sp => new SqliteMigrator(sp.GetRequiredService<SqliteDatabase>()));
        services.AddSingleton<StoreTables, SqliteTables>();
    }

    public override string Describe(StorageSettings storage, PathSettings paths) =>
        storage.ConnectionString is { Length: > 0 } ? "sqlite store (Storage:ConnectionString)" : $"sqlite store in {paths.DataDir}";
}
