using BorderAlerts.Settings;
using BorderAlerts.Storage.Postgres;
using BorderAlerts.Storage.Sqlite;

namespace BorderAlerts.Storage;

/// <summary>
/// Everything that differs between the store providers, picked once from Storage:Provider: the store's services
/// and a description of where data lives that is safe to print.
/// </summary>
public abstract class StoreProvider
{
    public static StoreProvider For(StorageOptions storage) => storage.Provider switch
    {
        "postgres" => new PostgresProvider(),
        _ => new SqliteProvider(), // an unknown name is reported by the settings validator before anything runs
    };

    public abstract void AddStore(IServiceCollection services);

    public abstract string Describe(BorderAlertsOptions settings);

    protected static BorderAlertsOptions Settings(IServiceProvider services) =>
        services.GetRequiredService<Microsoft.Extensions.Options.IOptions<BorderAlertsOptions>>().Value;
}
