using BorderAlerts.Settings;
using BorderAlerts.Core.Admin;
using BorderAlerts.Core.Delivery;
using BorderAlerts.Core.Search;
using BorderAlerts.Core.Storage;
using BorderAlerts.Storage.Segments;
using Quartz;

namespace BorderAlerts.Storage.Sqlite;

/// <summary>One process, one file: the schedule stays in Quartz's in-memory store.</summary>
public sealed class SqliteProvider : StoreProvider
{
    public override void AddStore(IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var database = Settings(sp).Storage.ConnectionString is { Length: > 0 } connection
                ? new SqliteDatabase(connection)
                : SqliteDatabase.InDataDir(Settings(sp).DataDir);
            database.SearchMerger.Log = sp.GetRequiredService<ILogger<SegmentMerger>>();
            return database;
        });
        services.AddSingleton<IPollStore, SqlitePollStore>();
        services.AddSingleton<IFeedHealthReader, SqliteHealthReader>();
        services.AddSingleton<IItemArchive, SqliteItemArchive>();
        services.AddSingleton<ISearchIndex, SqliteSearchIndex>();
        services.AddSingleton<IAdminStore, SqliteAdminStore>();
        services.AddSingleton<IOutboxStore, SqliteOutboxStore>();
        services.AddSingleton<ISeenRequests, SqliteSeenRequests>();
        services.AddSingleton<ISourceConditions>(sp => sp.GetRequiredService<SqliteDatabase>() is var database
            ? new SourceConditionsTable(async ct => await database.OpenAsync(ct), database.WriteLock) : null!);
        services.AddSingleton<IStoreProbe, SqliteStoreProbe>();
        services.AddSingleton<IStoreMigrator>(sp => new SqliteMigrator(sp.GetRequiredService<SqliteDatabase>()));
        services.AddSingleton<StoreTables, SqliteTables>();
    }

    public override void UseJobStore(IQuartzBuilder quartz, BorderAlertsOptions settings) { }

    public override string Describe(BorderAlertsOptions settings) =>
        settings.Storage.ConnectionString is { Length: > 0 } ? "sqlite store (Storage:ConnectionString)" : $"sqlite store in {settings.DataDir}";
}
