using BorderAlerts.Settings;
using BorderAlerts.Storage;
using Microsoft.Extensions.Options;

namespace BorderAlerts.Cli;

/// <summary>The settings a command reads, from the host it built (which has validated them all).</summary>
static class CliSettings
{
    public static T Settings<T>(this IServiceProvider services) where T : class => services.GetRequiredService<IOptions<T>>().Value;

    /// <summary>Where the store is, safe to print.</summary>
    public static string DescribeStore(this IServiceProvider services) =>
        services.GetRequiredService<StoreProvider>().Describe(services.Settings<StorageSettings>(), services.Settings<PathSettings>());
}
