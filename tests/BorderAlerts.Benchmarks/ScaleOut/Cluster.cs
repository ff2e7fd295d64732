using BorderAlerts.Hosting;
using Microsoft.AspNetCore.Builder;
using Npgsql;

namespace BorderAlerts.Benchmarks.ScaleOut;

/// <summary>
/// N services as `run` starts them (poll and delivery loops, clustered Quartz, HTTP) in this process, on one PostgreSQL
/// database. The host reads its settings from environment variables when it is built, so each instance is built with
/// its own User-Agent (the farm counts requests per agent: each instance's share).
/// </summary>
internal sealed class Cluster : IAsyncDisposable
{
    readonly List<WebApplication> _apps = [];

    public static async Task<Cluster> StartAsync(int count, string configDir, string connectionString, TimeSpan tick)
    {
        Set("BorderAlerts__ConfigDir", configDir);
        Set("BorderAlerts__Storage__Provider", "postgres");
        // Each instance's pool opens up to Polling:Parallelism (32) + a few connections, Quartz a few more: three instances
        // with Npgsql's default of 100 each would exceed PostgreSQL's default max_connections (100).
        Set("BorderAlerts__Storage__ConnectionString", new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 24 }.ConnectionString);
        Set("BorderAlerts__Polling__TickSeconds", ((int)tick.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Set("Logging__LogLevel__Default", "Warning");
        var cluster = new Cluster();
        for (int n = 1; n <= count; n++)
        {
            Set("BorderAlerts__Fetch__UserAgent", Agent(n));
            cluster._apps.Add(AppHost.Build(service: true, urls: ["http://127.0.0.1:0"]));
        }
        await Task.WhenAll(cluster._apps.Select(a => AppHost.PrepareAsync(a.Services, CancellationToken.None)));
        await Task.WhenAll(cluster._apps.Select(a => a.StartAsync()));
        return cluster;
    }

    public static string Agent(int n) => $"borderalerts-bench/instance-{n}";

    static void Set(string name, string value) => Environment.SetEnvironmentVariable(name, value);

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_apps.Select(a => a.StopAsync()));
        foreach (var app in _apps) await app.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
    }
}
