using BorderAlerts.Core.Admin;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Runtime;
using System.Text;
using System.Text.Json;
using BorderAlerts.Core.Feeds;
using BorderAlerts.Core.Fetching;
using BorderAlerts.Core.Items;
using BorderAlerts.Core.Parsing;
using BorderAlerts.Core.Polling;
using BorderAlerts.Core.Storage;
using BorderAlerts.Hosting;
using BorderAlerts.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BorderAlerts.Benchmarks.FeedFarm;

/// <summary>Options of `feedfarm`.</summary>
public sealed record FeedFarmOptions
{
    public int Feeds { get; init; } = 20_000;
    public int Seconds { get; init; } = 300;
    public double NotModifiedShare { get; init; } = 0.6;
    public int Hosts { get; init; } = 16;
    public TimeSpan Every { get; init; } = TimeSpan.FromMinutes(5);
    public TimeSpan Tick { get; init; } = TimeSpan.FromSeconds(5);
    public bool Spread { get; init; }
    public bool Keep { get; init; }
    public string? Json { get; init; }
    public int ReportEverySeconds { get; init; }
    public TimeSpan? PassBudget { get; init; }
    public string? Rules { get; init; }
    /// <summary>Instead of the scheduled passes: this many `poll --all` passes back to back (issue 15).</summary>
    public int AllPasses { get; init; }
    public Dictionary<string, string?> Settings { get; init; } = new();
    // Targets (the card): 20,000 feeds per 5 minutes, CPU under 60 % of the machine, resident memory under 300 MB.
    public double CpuTargetPercent { get; init; } = 60;
    public double MemoryTargetMb { get; init; } = 300;

    public double OfferedPerSecond => Feeds / Every.TotalSeconds;
}

/// <summary>
/// `feedfarm`: starts the loopback farm as a child process, builds the real BorderAlerts service container against a
/// generated feeds.yaml, and drives PollRunner.RunDueAsync the way the poll job (Jobs/PollPassJob) does (one pass per tick, never two
/// at once). Phase 1, warm-up: the seed pass (every feed is new and due at once) runs until every feed has been polled
/// once. Phase 2, the measured window: the next --seconds of steady state, in which feeds come due again every --every.
/// </summary>
public static class FeedFarmBenchmark
{
    public static async Task<int> RunAsync(FeedFarmOptions o)
    {
        var cores = Environment.ProcessorCount;
        var root = Directory.CreateTempSubdirectory("borderalerts-feedfarm-").FullName;
        var configDir = Path.Combine(root, "config");
        var dataDir = Path.Combine(root, "data");
        Directory.CreateDirectory(configDir);
        var port = FreePort();
        Console.WriteLine($"feedfarm: {o.Feeds:N0} feeds on {o.Hosts} loopback hosts, not-modified share {o.NotModifiedShare:P0}, every {Fmt(o.Every)}, tick {Fmt(o.Tick)}, window {o.Seconds} s{(o.Spread ? ", schedule spread after seeding" : "")}");
        Console.WriteLine($"machine: {Environment.MachineName}, {cores} logical cores ({CpuModel()}), {Environment.OSVersion}, .NET {Environment.Version}, " +
            $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC{(AppContext.GetData("GCDynamicAdaptationMode") is { } d ? $" (DATAS {d})" : "")}, work folder {root}");

        var urls = new Dictionary<string, string>(o.Feeds);
        var yaml = new StringBuilder(o.Feeds * 96).Append("feeds:\n");
        for (int n = 0; n < o.Feeds; n++)
        {
            var url = new Uri($"http://{FarmContent.Host(n, o.Hosts)}:{port}/feed/{n}.xml");
            urls[FarmContent.FeedId(n)] = url.ToString();
            var language = (n % 4) switch { 0 => "zh-Hans", 1 => "en", 2 => "ja", _ => "ko" };
            yaml.Append("  - id: ").Append(FarmContent.FeedId(n)).Append("\n    url: ").Append(url).Append("\n    language: ").Append(language)
                .Append("\n    every: ").Append((int)o.Every.TotalSeconds).Append("s\n");
        }
        await File.WriteAllTextAsync(Path.Combine(configDir, "feeds.yaml"), yaml.ToString());
        if (o.Rules is { } rules)
        {
            // Commits with the rule stage read config/rules.yaml beside feeds.yaml; without one they match nothing.
            File.Copy(rules, Path.Combine(configDir, "rules.yaml"));
            // The pack's watchlist rule names the lists of watchlists.yaml beside it (shipped disabled: declared, never
            // fetched, matching nothing); without the file that rule would be skipped as naming unknown concepts.
            var lists = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(rules))!, "watchlists.yaml");
            if (File.Exists(lists) && BorderAlerts.Core.Watchlists.WatchlistsFile.Load(lists).Any(l => l.Enabled))
                throw new ArgumentException($"{lists} enables a list: the benchmark would fetch it from the internet; disable it or use --rules with another folder");
            if (File.Exists(lists)) File.Copy(lists, Path.Combine(configDir, "watchlists.yaml"));
            Console.WriteLine($"rules: {Path.GetFullPath(rules)} copied to the config folder{(File.Exists(lists) ? ", with the watchlists.yaml beside it" : "")}");
        }

        CheckGcMatchesService();
        Calibrate(port);

        using var farm = StartFarm(port, o);
        using var stopping = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stopping.Cancel(); };
        try
        {
            var settings = new Dictionary<string, string?>
            {
                ["BorderAlerts:ConfigDir"] = configDir,
                ["BorderAlerts:DataDir"] = dataDir,
                ["BorderAlerts:Polling:TickSeconds"] = ((int)o.Tick.TotalSeconds).ToString(CultureInfo.InvariantCulture),
            };
            var metrics = new FarmMetrics { UrlOfFeed = urls };
            var services = BenchServices.Create(settings, o.Settings, LogLevel.Warning);
            // Decorators for measurement only: the real store and fetcher do the work.
            // The store the settings chose (SQLite, or PostgreSQL with --set Storage:Provider=postgres, for --all-passes).
            services.Decorate<IPollStore>(store => new TimedPollStore(store, metrics));
            services.AddSingleton<HttpFeedFetcher>();
            services.AddSingleton<IFeedFetcher>(sp => new TimedFeedFetcher(sp.GetRequiredService<HttpFeedFetcher>(), metrics));
            services.AddHttpClient(HttpFeedFetcher.ClientName).AddHttpMessageHandler(() => new TimingHandler(metrics));
            if (o.PassBudget is { } budget)
            {
                // Experiment knob, not a setting of the service: PollRunnerOptions.PassBudget is fixed at 30 s in src.
                var bound = services.Last(d => d.ServiceType == typeof(PollRunnerOptions));
                services.AddSingleton(sp => (PollRunnerOptions)bound.ImplementationFactory!(sp) is var p ? new PollRunnerOptions
                    { Parallelism = p.Parallelism, ClaimBatch = p.ClaimBatch, Lease = p.Lease, PassBudget = budget } : null!);
            }
            await using var provider = services.BuildServiceProvider();

            var loadWatch = Stopwatch.StartNew();
            await AppHost.PrepareAsync(provider, stopping.Token); // validates settings and runs the IStoreMigrator
            if (o.AllPasses > 0) return await AllPasses.RunAsync(provider.GetRequiredService<PollRunner>(), urls.Keys, o.AllPasses, stopping.Token);
            var dbPath = Path.Combine(dataDir, "borderalerts.db");
            using var sampler = new Sampler(metrics, dbPath, farm.Port);
            sampler.Start();
            var migrated = loadWatch.ElapsedMilliseconds;
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var runner = provider.GetRequiredService<PollRunner>(); // loads feeds.yaml through FileFeedCatalog
            var catalogMb = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1048576.0;
            var afterLoadPeakMb = PeakResidentMb();
            var fetchOptions = provider.GetRequiredService<FetchOptions>();
            var runnerOptions = provider.GetRequiredService<PollRunnerOptions>();
            Console.WriteLine($"settings: Polling:Parallelism {runnerOptions.Parallelism}, Polling:ClaimBatch {runnerOptions.ClaimBatch}, " +
                $"pass budget {FeedFarmBenchmark.Fmt(runnerOptions.PassBudget)}{(o.PassBudget is null ? "" : " (--pass-budget experiment)")}, Fetch:MaxConcurrencyPerHost {fetchOptions.MaxConcurrencyPerHost} (x {o.Hosts} hosts = {fetchOptions.MaxConcurrencyPerHost * o.Hosts} connections at most), " +
                $"Fetch:TimeoutSeconds {fetchOptions.Timeout.TotalSeconds}; migrated in {migrated} ms, feeds.yaml loaded in {loadWatch.ElapsedMilliseconds - migrated} ms " +
                $"({catalogMb:0} MB allocated; peak resident so far {afterLoadPeakMb:0} MB)");

            // Phase 1: seed pass.
            var seed = Mark.Take(metrics, farm);
            var passes = 0;
            await DriveAsync(runner, o.Tick, () => metrics.CompletedOnce >= o.Feeds, () => passes++, stopping.Token);
            if (stopping.IsCancellationRequested) return 130;
            var seeded = Mark.Take(metrics, farm);
            var seedPeakMb = PeakResidentMb();
            var seedSeconds = (seeded.At - seed.At).TotalSeconds;
            var seedCpu = (seeded.Cpu - seed.Cpu).TotalSeconds;
            Console.WriteLine($"warm-up (seed pass, not measured): {seeded.Metrics.Polls - seed.Metrics.Polls:N0} polls in {seedSeconds:0.0} s " +
                $"= {(seeded.Metrics.Polls - seed.Metrics.Polls) / seedSeconds:0.0} polls/s over {passes} passes; CPU {100 * seedCpu / seedSeconds / cores:0.0} % of the machine; " +
                $"{seeded.Metrics.NewItems - seed.Metrics.NewItems:N0} items stored; {seeded.Metrics.Failed - seed.Metrics.Failed} failures; peak resident {seedPeakMb:0} MB (startup + seed)");

            if (o.Spread) await SpreadAsync(dbPath, o.Every);
            else
            {
                // Steady state starts when the first seeded feeds fall due again, one interval after the seed pass began;
                // a window of one interval from there sees every feed come due once (the seed pass's order and pace).
                var idle = seed.At + o.Every - DateTimeOffset.UtcNow;
                if (idle > TimeSpan.Zero)
                {
                    Console.WriteLine($"waiting {idle.TotalSeconds:0} s, until the first seeded feeds fall due again (the poller keeps ticking)");
                    using var idleWindow = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
                    var idleDrive = DriveAsync(runner, o.Tick, () => false, () => { }, idleWindow.Token);
                    try { await Task.Delay(idle, stopping.Token); } catch (OperationCanceledException) { }
                    idleWindow.Cancel();
                    await idleDrive;
                    if (stopping.IsCancellationRequested) return 130;
                }
            }
            GC.Collect(); // start the window from a settled heap; the window's own collections are counted below
            ResetPeakResident();
            metrics.StartRecording();
            var start = Mark.Take(metrics, farm);
            passes = 0;
            using var window = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
            var drive = DriveAsync(runner, o.Tick, () => false, () => passes++, window.Token);
            var reportEvery = o.ReportEverySeconds > 0 ? o.ReportEverySeconds : Math.Max(5, o.Seconds / 10);
            Console.WriteLine($"window: {o.Seconds} s from {(o.Spread ? "the end of the seed pass" : "one interval after the seed pass began")}; a line every {reportEvery} s");
            Console.WriteLine("     t   polls/s   304 %   fail   CPU % (machine)   resident MB   GC heap MB   due backlog   oldest due s");
            var windowWatch = Stopwatch.StartNew();
            var last = sampler.SampleAndKeep();
            for (int t = reportEvery; t <= o.Seconds && !stopping.IsCancellationRequested; t += reportEvery)
            {
                var wait = TimeSpan.FromSeconds(t) - windowWatch.Elapsed;
                if (wait > TimeSpan.Zero) { try { await Task.Delay(wait, stopping.Token); } catch (OperationCanceledException) { break; } }
                var now = sampler.SampleAndKeep();
                var span = (now.At - last.At).TotalSeconds;
                var polls = now.Polls - last.Polls;
                Console.WriteLine($"{t,6} {polls / span,9:0.0} {Pct(now.NotModified - last.NotModified, polls),7} {now.Failed - last.Failed,6} " +
                    $"{100 * (now.Cpu - last.Cpu).TotalSeconds / span / cores,17:0.0} {now.ResidentMb,13:0} {now.HeapMb,12:0} {now.Backlog,13:N0} {now.OldestDueSeconds,14:0}");
                last = now;
            }
            var remaining = TimeSpan.FromSeconds(o.Seconds) - windowWatch.Elapsed;
            if (remaining > TimeSpan.Zero && !stopping.IsCancellationRequested) { try { await Task.Delay(remaining, stopping.Token); } catch (OperationCanceledException) { } }
            var end = Mark.Take(metrics, farm);
            var peakMb = PeakResidentMb();
            sampler.Stop();
            var records = metrics.StopRecording();
            var fetchMs = metrics.FetchDurations();
            var endBacklog = sampler.Sample(withBacklog: true);
            window.Cancel();
            await drive;

            var result = Result.From(o, cores, seed, seeded, seedPeakMb, start, end, peakMb, sampler, records, fetchMs, endBacklog, passes, dbPath, metrics);
            result.Print();
            Console.WriteLine($"resident now      {MemoryBreakdown()}");
            if (o.Json is { } json)
            {
                await File.WriteAllTextAsync(json, JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true }));
                Console.WriteLine($"wrote {json}");
            }
            return 0;
        }
        finally
        {
            farm.Dispose();
            if (!o.Keep) { try { Directory.Delete(root, recursive: true); } catch (IOException) { } }
            else Console.WriteLine($"kept {root}");
        }
    }

    /// <summary>What the poll job does: a pass every tick, the next one right away if a pass overran.</summary>
    static async Task DriveAsync(PollRunner runner, TimeSpan tick, Func<bool> done, Action onPass, CancellationToken stopping)
    {
        while (!done() && !stopping.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            try { await runner.RunDueAsync(stopping, keepItems: false); } // as PollPassJob calls it
            catch (OperationCanceledException) when (stopping.IsCancellationRequested) { break; }
            onPass();
            var wait = tick - Stopwatch.GetElapsedTime(started);
            if (wait > TimeSpan.Zero && !done())
            {
                try { await Task.Delay(wait, stopping); } catch (OperationCanceledException) { break; }
            }
        }
    }

    /// <summary>--spread: moves every feed's next poll to a uniform spot in the next interval, as in a deployment whose
    /// feeds were added over time. Without it the steady state keeps the shape of the seed pass (see docs/benchmarks.md).</summary>
    static async Task SpreadAsync(string dbPath, TimeSpan every)
    {
        await using var connection = new SqliteConnection($"Data Source={dbPath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout = 30000; UPDATE feeds SET next_poll_at = $now + (abs(random()) % $every) WHERE lease_until IS NULL OR lease_until <= $now";
        command.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$every", (long)every.TotalMilliseconds);
        var rows = await command.ExecuteNonQueryAsync();
        Console.WriteLine($"spread: {rows:N0} feeds rescheduled uniformly over the next {Fmt(every)}");
    }

    /// <summary>The poller must run with the GC the service ships with (src/BorderAlerts's runtimeconfig.json, copied beside us).</summary>
    static void CheckGcMatchesService()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "borderalerts.runtimeconfig.json");
        if (!File.Exists(path)) return;
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var server = json.RootElement.TryGetProperty("runtimeOptions", out var r) && r.TryGetProperty("configProperties", out var c)
            && c.TryGetProperty("System.GC.Server", out var v) && v.ValueKind == JsonValueKind.True;
        var overridden = Environment.GetEnvironmentVariable("DOTNET_gcServer") is not null;
        if (server != GCSettings.IsServerGC)
            Console.WriteLine($"WARNING: the service runs {(server ? "server" : "workstation")} GC but this run uses {(GCSettings.IsServerGC ? "server" : "workstation")} GC" +
                (overridden ? " (DOTNET_gcServer is set)" : "; set ServerGarbageCollection in BorderAlerts.Benchmarks.csproj to match"));
    }

    /// <summary>Single-threaded cost of the CPU stages for one 200 answer: decode + parse a 20-item feed, then identity keys.</summary>
    static void Calibrate(int port)
    {
        var body = FarmContent.Rss(3, FarmContent.BaseVersion);
        var feed = new FeedDefinition { Id = "calibration", Name = "calibration", Url = new Uri($"http://127.0.0.1:{port}/feed/3.xml"), Language = "ko" };
        var context = new ParseContext(feed, feed.Url, DateTimeOffset.UtcNow);
        int Once()
        {
            var parsed = FeedParser.Parse(body, "application/rss+xml; charset=utf-8", context);
            if (!parsed.Ok) throw new InvalidOperationException($"calibration feed does not parse: {parsed.Error}");
            return parsed.Items.Sum(i => ItemIdentity.Keys(i, feed.Url).Count + ItemIdentity.ContentHash(i.Title, i.Text).Length);
        }
        for (int i = 0; i < 50; i++) Once();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        const int rounds = 200;
        for (int i = 0; i < rounds; i++) Once();
        var wall = watch.Elapsed.TotalMilliseconds / rounds;
        Console.WriteLine($"calibration: decode + parse + identity of one {body.Length / 1024.0:0.0} KB, {FarmContent.ItemsPerFeed}-item RSS body: {wall:0.00} ms wall " +
            $"({(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / rounds:0.00} ms CPU) single-threaded");
    }

    static FarmProcess StartFarm(int port, FeedFarmOptions o) => StartFarm(port, o.Feeds, o.NotModifiedShare, o.Hosts, 0);

    internal static FarmProcess StartFarm(int port, int feeds, double notModifiedShare, int hosts, int minGapMs)
    {
        var exe = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        var start = new ProcessStartInfo(exe) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(exe) == "dotnet") start.ArgumentList.Add(typeof(FeedFarmBenchmark).Assembly.Location);
        foreach (var a in new[] { "farm", "--port", port.ToString(CultureInfo.InvariantCulture), "--feeds", feeds.ToString(CultureInfo.InvariantCulture),
                     "--not-modified-share", notModifiedShare.ToString(CultureInfo.InvariantCulture), "--hosts", hosts.ToString(CultureInfo.InvariantCulture),
                     "--min-gap-ms", minGapMs.ToString(CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(a);
        start.Environment["DOTNET_gcServer"] = "0"; // the farm is not measured; keep it small
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the farm");
        var line = process.StandardOutput.ReadLine();
        if (line != $"READY {port}") { process.Kill(); throw new InvalidOperationException($"farm did not start: {line}"); }
        Console.WriteLine($"farm: process {process.Id} listening on 127.0.0.1-{hosts}:{port}");
        return new FarmProcess(process, port);
    }

    internal static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>VmHWM: the highest resident set size (what Process.PeakWorkingSet64 reads on Linux).</summary>
    static double PeakResidentMb()
    {
        using var self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64 / 1048576.0;
    }

    /// <summary>Linux: writing 5 to clear_refs resets VmHWM, so the window's peak excludes startup and seeding.</summary>
    static void ResetPeakResident()
    {
        try { File.WriteAllText("/proc/self/clear_refs", "5"); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { Console.WriteLine($"note: could not reset the peak resident size ({e.Message}); the peak below includes the seed pass"); }
    }

    /// <summary>Where the resident set is: anonymous (GC heap, native allocations such as SQLite's page caches) or mapped files (code).</summary>
    static string MemoryBreakdown()
    {
        try
        {
            var status = File.ReadLines("/proc/self/status").Where(l => l.StartsWith("Vm", StringComparison.Ordinal) || l.StartsWith("Rss", StringComparison.Ordinal))
                .Where(l => l.Split(':')[0] is "VmRSS" or "VmHWM" or "RssAnon" or "RssFile" or "RssShmem")
                .Select(l => { var parts = l.Split(':', 2); return $"{parts[0]} {long.Parse(parts[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024} MB"; });
            var info = GC.GetGCMemoryInfo();
            return string.Join(", ", status) + $"; GC: heap {info.HeapSizeBytes / 1048576} MB, committed {info.TotalCommittedBytes / 1048576} MB, fragmented {info.FragmentedBytes / 1048576} MB";
        }
        catch (IOException) { return "?"; }
    }

    internal static string CpuModel()
    {
        try { return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?"; }
        catch (IOException) { return "?"; }
    }

    internal static string Pct(long part, long whole) => whole == 0 ? "-" : (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture);
    internal static string Fmt(TimeSpan t) => t.TotalMinutes >= 1 && t.Seconds == 0 ? $"{t.TotalMinutes:0.#} min" : $"{t.TotalSeconds:0.#} s";
}

public sealed class FarmProcess(Process process, int port) : IDisposable
{
    static readonly HttpClient Client = new() { Timeout = TimeSpan.FromSeconds(10) };
    public int Port => port;
    public int Id => process.Id;

    public FarmStats? Stats()
    {
        try { return Client.GetFromJsonAsync<FarmStats>($"http://127.0.0.1:{port}/__stats").GetAwaiter().GetResult(); }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { return null; }
    }

    bool _disposed;
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        try
        {
            process.StandardInput.Close();
            if (!process.WaitForExit(5000)) process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException) { }
        process.Dispose();
    }
}

/// <summary>A point in time: the counters, process CPU, GC counters and the farm's counters.</summary>
public sealed record Mark(DateTimeOffset At, long Timestamp, FarmMetrics.Snapshot Metrics, TimeSpan Cpu, long Allocated, int Gen0, int Gen1, int Gen2,
    TimeSpan GcPause, long LockContentions, FarmStats? Farm)
{
    public static Mark Take(FarmMetrics metrics, FarmProcess farm)
    {
        using var self = Process.GetCurrentProcess();
        return new Mark(DateTimeOffset.UtcNow, Stopwatch.GetTimestamp(), metrics.Take(), self.TotalProcessorTime, GC.GetTotalAllocatedBytes(),
            GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration(), Monitor.LockContentionCount, farm.Stats());
    }
}
