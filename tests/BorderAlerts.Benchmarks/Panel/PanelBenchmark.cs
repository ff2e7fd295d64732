using System.Diagnostics;
using System.Globalization;
using System.Net;
using BorderAlerts.Benchmarks.Matching;
using BorderAlerts.Benchmarks.Search;
using BorderAlerts.Core.Panel;
using BorderAlerts.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlerts.Benchmarks.Panel;

internal sealed record PanelOptions(long Items = 1_000_000, int Feeds = 20_000, string? Db = null, bool Reuse = false, int Requests = 40)
{
    public static PanelOptions Parse(string[] args)
    {
        var o = new PanelOptions();
        for (int i = 0; i < args.Length; i++)
            o = args[i] switch
            {
                "--items" => o with { Items = long.Parse(args[++i], CultureInfo.InvariantCulture) },
                "--feeds" => o with { Feeds = int.Parse(args[++i], CultureInfo.InvariantCulture) },
                "--db" => o with { Db = args[++i] },
                "--reuse" => o with { Reuse = true },
                "--requests" => o with { Requests = int.Parse(args[++i], CultureInfo.InvariantCulture) },
                var other => throw new ArgumentException($"panel: unknown option '{other}' (--items N, --feeds N, --db PATH, --reuse, --requests N)"),
            };
        return o;
    }
}

/// <summary>
/// Issue 19's measures (docs/benchmarks.md "Web panel"): the service's HTTP side (no poll or delivery loops) on a SQLite
/// store of 1,000,000 items and 20,000 sources, an admin signed in through a one-time link as from `/panel`, then every
/// page requested in turn, one request at a time, on loopback: time to the last byte (p50, p95, max) and size. Pass:
/// p95 ≤ 300 ms and under 200 KB per page, the backtest chart ≤ 1 s.
/// Run: dotnet run -c Release --project tests/BorderAlerts.Benchmarks -- panel [--items 1000000] [--feeds 20000] [--db PATH] [--reuse] [--requests 40]
/// </summary>
internal static class PanelBenchmark
{
    public static async Task<int> RunAsync(PanelOptions o)
    {
        var log = Console.Out;
        var root = MatcherCorpus.FindRepoRoot();
        var db = o.Db ?? Path.Combine(Path.GetTempPath(), "borderalerts-panel-bench", "panel.db");
        long items;
        await using (var archive = await SqliteBenchStore.OpenAsync(db, o.Reuse, log, CancellationToken.None))
        {
            if (!archive.Reused) await PanelSeed.FillAsync(archive, root, o.Items, log, CancellationToken.None);
            items = (await archive.RawTextAsync(CancellationToken.None)).Items;
            await archive.FinishAsync(keep: true);
        }
        var config = PanelSeed.WriteConfig(root, Path.Combine(Path.GetDirectoryName(db)!, "config"), o.Feeds);
        Environment.SetEnvironmentVariable("BorderAlerts__ConfigDir", config);
        Environment.SetEnvironmentVariable("BorderAlerts__Storage__Provider", "sqlite");
        Environment.SetEnvironmentVariable("BorderAlerts__Storage__ConnectionString", $"Data Source={db}");
        Environment.SetEnvironmentVariable("BorderAlerts__PublicUrl", "http://127.0.0.1");
        Environment.SetEnvironmentVariable("Logging__LogLevel__Default", "Warning");
        await using var app = AppHost.Build(service: false, urls: ["http://127.0.0.1:0"]);
        await AppHost.PrepareAsync(app.Services, CancellationToken.None);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        log.WriteLine($"panel benchmark: {items:N0} items, {o.Feeds:N0} sources, {db}; {o.Requests} requests per page after 2 warm-ups; " +
            $".NET {Environment.Version}, {Environment.ProcessorCount} cores, load average {LoadAverage()}");

        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
            { BaseAddress = new Uri(address) };
        var link = await app.Services.GetRequiredService<PanelSignIn>().NewLinkAsync(new PanelUser("discord", "bench", "bench", true), CancellationToken.None);
        var login = await http.GetAsync("/panel/login?token=" + link);
        if (login.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"sign-in answered {(int)login.StatusCode}");

        // A broad rule of the shipped pack (many concepts, many matches) for the editor and the backtest.
        var rule = PanelSeed.RuleIds(root).FirstOrDefault(id => id == "dprk-sanctions") ?? PanelSeed.RuleIds(root)[0];
        var pages = PanelPages.All(rule, SearchCorpus.FeedIds[0]);
        log.WriteLine($"{"page",-58} {"status",6} {"KB",7} {"p50 ms",8} {"p95 ms",8} {"max ms",8}  verdict");
        bool allPass = true;
        foreach (var (path, limitMs) in pages)
        {
            var (status, bytes, times) = await TimeAsync(http, path, o.Requests);
            times.Sort();
            var (p50, p95, max) = (Percentile(times, 0.50), Percentile(times, 0.95), times[^1]);
            bool pass = status == HttpStatusCode.OK && p95 <= limitMs && bytes < 200 * 1024;
            allPass &= pass;
            log.WriteLine($"{path,-58} {(int)status,6} {bytes / 1024.0,7:F1} {p50,8:F1} {p95,8:F1} {max,8:F1}  {(pass ? "pass" : "MISS")} (≤ {limitMs} ms, < 200 KB)");
        }
        log.WriteLine($"load average {LoadAverage()}; {(allPass ? "every page passes" : "some page misses")}");
        await app.StopAsync();
        return 0;
    }

    static async Task<(HttpStatusCode Status, long Bytes, List<double> Times)> TimeAsync(HttpClient http, string path, int requests)
    {
        var times = new List<double>(requests);
        (HttpStatusCode, long) last = default;
        for (int k = -2; k < requests; k++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await http.GetAsync(path);
            var body = await response.Content.ReadAsByteArrayAsync();
            if (k >= 0) times.Add(clock.Elapsed.TotalMilliseconds);
            last = (response.StatusCode, body.LongLength);
        }
        return (last.Item1, last.Item2, times);
    }

    static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}
