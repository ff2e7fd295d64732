using BorderAlerts.Settings;
using BorderAlerts.Core.Admin;
using BorderAlerts.Core.Delivery;
using BorderAlerts.Core.Search;
using BorderAlerts.Core.Storage;
using BorderAlerts.Storage.Segments;
using Npgsql;
using Quartz;

namespace BorderAlerts.Storage.Postgres;

/// <summary>
/// Many instances, one database: the store, and Quartz's clustered ADO.NET job store in the same database (its
/// qrtz_* tables come from our migrations), so each scheduled job fires on one instance and a dead instance's
/// triggers are recovered by a live one.
/// </summary>
public sealed class PostgresProvider : StoreProvider
{
    /// <summary>Every instance's scheduler carries this name; UseClustering gives each its own generated instance id.</summary>
    public const string SchedulerName = "borderalerts";

    public override void AddStore(IServiceCollection services)
    {
        services.AddSingleton(sp => new PostgresDatabase(Settings(sp).Storage.ConnectionString!)
        {
            SearchMerger = { Log = sp.GetRequiredService<ILogger<SegmentMerger>>() },
        });
        services.AddSingleton<IPollStore, PostgresPollStore>();
        services.AddSingleton<IFeedHealthReader, PostgresHealthReader>();
        services.AddSingleton<IItemArchive, PostgresItemArchive>();
        services.AddSingleton<ISearchIndex, PostgresSearchIndex>();
        services.AddSingleton<IAdminStore, PostgresAdminStore>();
        services.AddSingleton<IOutboxStore, PostgresOutboxStore>();
        services.AddSingleton<ISeenRequests, PostgresSeenRequests>();
        services.AddSingleton<ISourceConditions>(sp => sp.GetRequiredService<PostgresDatabase>() is var database
            ? new SourceConditionsTable(async ct => await database.OpenAsync(ct)) : null!);
        services.AddSingleton<IStoreProbe, PostgresStoreProbe>();
        services.AddSingleton<IStoreMigrator, PostgresMigrator>();
        services.AddSingleton<StoreTables, PostgresTables>();
    }

    public override void UseJobStore(IQuartzBuilder quartz, BorderAlertsOptions settings)
    {
        quartz.ConfigureScheduler(s => s.InstanceName = SchedulerName);
        quartz.UsePersistentStore(store =>
        {
            store.UsePostgres(PostgresDatabase.Pooled(settings.Storage.ConnectionString!, "borderalerts-quartz").ConnectionString);
            store.UseClustering();
            store.UseSystemTextJsonSerializer();
            store.ConfigureStore(o => o.StoreJobDataAsStrings = true); // readable rows; our jobs carry no data anyway
        });
    }

    public override string Describe(BorderAlertsOptions settings) =>
        $"postgres store at {PostgresDatabase.Describe(new NpgsqlConnectionStringBuilder(settings.Storage.ConnectionString))}";
}
