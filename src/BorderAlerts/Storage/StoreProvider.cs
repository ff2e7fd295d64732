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
    public static StoreProvider For(StorageSettings storage) => storage.Provider switch
    {
        "postgres" => new PostgresProvider(),
        _ => new SqliteProvider(), // an unknown name is reported by the settings validator before anything runs
    };

    public abstract void AddStore(IServiceCollection services);

    public abstract string Describe(StorageSettings storage, PathSettings paths);

    protected static T Settings<T>(IServiceProvider services) where T : class =>
        services.GetRequiredService<Microsoft.Extensions.Options.IOptions<T>>().Value;
}
