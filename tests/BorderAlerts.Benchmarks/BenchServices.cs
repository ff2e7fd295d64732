using BorderAlerts.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BorderAlerts.Benchmarks;

/// <summary>The service's real container over in-memory settings, as the harnesses build it, with measuring decorators.</summary>
public static class BenchServices
{
    /// <param name="settings">Full keys (BorderAlerts:…); <paramref name="overrides"/> may leave out the BorderAlerts: prefix (--set).</param>
    public static ServiceCollection Create(Dictionary<string, string?> settings, IReadOnlyDictionary<string, string?> overrides, LogLevel logLevel)
    {
        foreach (var (k, v) in overrides) settings[k.StartsWith("BorderAlerts:", StringComparison.Ordinal) ? k : "BorderAlerts:" + k] = v;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddSimpleConsole(c => c.SingleLine = true).SetMinimumLevel(logLevel));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddBorderAlerts(configuration);
        return services;
    }

    /// <summary>Wraps the implementation the settings chose (the last one registered) for measurement only.</summary>
    public static void Decorate<T>(this ServiceCollection services, Func<T, T> wrap) where T : class
    {
        var chosen = services.Last(d => d.ServiceType == typeof(T)).ImplementationType!;
        services.AddSingleton<T>(sp => wrap((T)ActivatorUtilities.CreateInstance(sp, chosen)));
    }
}
