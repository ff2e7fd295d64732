using System.Diagnostics;
using System.Text;
using BorderAlerts.Benchmarks.FeedFarm;
using Npgsql;

namespace BorderAlerts.Benchmarks.ScaleOut;

/// <summary>
/// `scaleout`: 1 and then 3 services as `run` starts them, on a fresh PostgreSQL database each time, polling the
/// loopback farm. After the seed pass: an idle slice (every feed pushed a day ahead) measures what the instances commit
/// with nothing to do (Quartz's check-ins and trigger scans, empty poll and delivery passes, the admin refresh); then
/// every feed's next poll is spread over one interval (a deployment whose feeds were added over time) and the window
/// measures commits per poll (pg_stat_database.xact_commit), each instance's share of the polls (the farm counts
/// requests per User-Agent) and repeats (a feed asked again within half its interval: fetched twice).
/// </summary>
public static class ScaleOutBenchmark
{
    public sealed record Run(int Instances, long Polls, double Seconds, long Commits, double IdleCommitsPerSecond, long Repeats,
        IReadOnlyList<long> PerInstance, double CpuPercent)
    {
        public double CommitsPerPoll => (double)Commits / Polls;
        public double NetCommitsPerPoll => (Commits - IdleCommitsPerSecond * Seconds) / Polls;
    }

    public static async Task<int> RunAsync(ScaleOutOptions o)
    {
        var root = Directory.CreateTempSubdirectory("borderalerts-scaleout-").FullName;
        var config = Path.Combine(root, "config");
        Directory.CreateDirectory(config);
        var port = FeedFarmBenchmark.FreePort();
        Console.WriteLine($"scaleout: {o.Feeds:N0} feeds every {o.Every.TotalSeconds:0} s ({o.Feeds / o.Every.TotalSeconds:0.0} polls/s offered), instances {string.Join(", ", o.Instances)}, " +
            $"tick {o.Tick.TotalSeconds:0} s, window {o.Seconds} s, idle slice {o.Idle.TotalSeconds:0} s; {Environment.ProcessorCount} cores, .NET {Environment.Version}; " +
            $"PostgreSQL at {Where(o.Postgres)}");
        await File.WriteAllTextAsync(Path.Combine(config, "feeds.yaml"), FeedsYaml(o, port));
        using var farm = FeedFarmBenchmark.StartFarm(port, o.Feeds, o.NotModifiedShare, o.Hosts, (int)(o.Every.TotalMilliseconds / 2));
        var runs = new List<Run>();
        try
        {
            foreach (var count in o.Instances) runs.Add(await RunOnceAsync(o, count, config, farm));
        }
        finally { Directory.Delete(root, recursive: true); }
        Console.WriteLine();
        Console.WriteLine("instances | polls in window | polls/s | commits | commits/poll | idle commits/s | net commits/poll | repeats | share per instance | CPU % (machine)");
        foreach (var r in runs)
            Console.WriteLine($"{r.Instances,9} | {r.Polls,15:N0} | {r.Polls / r.Seconds,7:0.0} | {r.Commits,7:N0} | {r.CommitsPerPoll,12:0.000} | {r.IdleCommitsPerSecond,14:0.00} | " +
                $"{r.NetCommitsPerPoll,16:0.000} | {r.Repeats,7} | {string.Join(" / ", r.PerInstance.Select(p => $"{100.0 * p / r.Polls:0.0} %")),-18} | {r.CpuPercent:0.0}");
        return 0;
    }

    static async Task<Run> RunOnceAsync(ScaleOutOptions o, int count, string config, FarmProcess farm)
    {
        var name = "ba_bench_" + Guid.NewGuid().ToString("N")[..12];
        await AdminAsync(o.Postgres, $"CREATE DATABASE {name}");
        var connection = new NpgsqlConnectionStringBuilder(o.Postgres) { Database = name }.ConnectionString;
        try
        {
            Console.WriteLine($"--- {count} instance(s), database {name}");
            await using var cluster = await Cluster.StartAsync(count, config, connection, o.Tick);
            var seed = Stopwatch.StartNew();
            while (await ScalarAsync(connection, "SELECT COUNT(*) FROM feeds WHERE last_success_at IS NOT NULL") is var done && done < o.Feeds)
            {
                if (seed.Elapsed > TimeSpan.FromMinutes(10)) throw new TimeoutException($"seed pass: {done} of {o.Feeds} feeds after 10 minutes");
                await Task.Delay(2000);
            }
            Console.WriteLine($"seed pass: {o.Feeds:N0} feeds polled in {seed.Elapsed.TotalSeconds:0} s");

            await ScalarAsync(connection, "WITH u AS (UPDATE feeds SET next_poll_at = next_poll_at + 86400000 RETURNING 1) SELECT COUNT(*) FROM u");
            await Task.Delay(3000); // passes in flight finish
            var idle0 = await CommitsAsync(o.Postgres, name);
            await Task.Delay(o.Idle);
            var idleRate = (await CommitsAsync(o.Postgres, name) - idle0) / o.Idle.TotalSeconds;
            Console.WriteLine($"idle: {idleRate:0.00} commits/s with nothing due");

            var every = (long)o.Every.TotalMilliseconds;
            await ScalarAsync(connection, $"WITH u AS (UPDATE feeds SET next_poll_at = (extract(epoch FROM now()) * 1000)::bigint + floor(random() * {every})::bigint RETURNING 1) SELECT COUNT(*) FROM u");
            var (f0, c0, cpu0, t0) = (farm.Stats()!, await CommitsAsync(o.Postgres, name), Process.GetCurrentProcess().TotalProcessorTime, Stopwatch.GetTimestamp());
            for (int t = 30; t <= o.Seconds; t += 30)
            {
                await Task.Delay(TimeSpan.FromSeconds(t) - Stopwatch.GetElapsedTime(t0));
                Console.WriteLine($"  {t,4} s: {farm.Stats()!.Requests - f0.Requests,7:N0} polls");
            }
            await Task.Delay(TimeSpan.FromSeconds(o.Seconds) - Stopwatch.GetElapsedTime(t0) is { Ticks: > 0 } rest ? rest : TimeSpan.Zero);
            var (f1, c1, cpu1, seconds) = (farm.Stats()!, await CommitsAsync(o.Postgres, name), Process.GetCurrentProcess().TotalProcessorTime, Stopwatch.GetElapsedTime(t0).TotalSeconds);
            var perInstance = Enumerable.Range(1, count).Select(n => f1.ByAgent.GetValueOrDefault(Cluster.Agent(n)) - f0.ByAgent.GetValueOrDefault(Cluster.Agent(n))).ToList();
            return new Run(count, f1.Requests - f0.Requests, seconds, c1 - c0, idleRate, f1.Repeats - f0.Repeats, perInstance,
                100 * (cpu1 - cpu0).TotalSeconds / seconds / Environment.ProcessorCount);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await DropAsync(o.Postgres, name);
        }
    }

    /// <summary>
    /// Drops the run's database. A backend of another role (an autovacuum worker, say) cannot be terminated by ours, so
    /// the drop is tried again for a while; a database left behind is named rather than losing the run's figures.
    /// </summary>
    static async Task DropAsync(string admin, string name)
    {
        for (int attempt = 1; ; attempt++)
        {
            try { await AdminAsync(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)"); return; }
            catch (PostgresException e) when (attempt < 10) { Console.Error.WriteLine($"drop {name}: {e.MessageText}; trying again"); await Task.Delay(3000); }
            catch (PostgresException e) { Console.Error.WriteLine($"drop {name}: {e.MessageText}; left behind, drop it by hand"); return; }
        }
    }

    static string FeedsYaml(ScaleOutOptions o, int port)
    {
        var yaml = new StringBuilder("feeds:\n");
        for (int n = 0; n < o.Feeds; n++)
            yaml.Append($"  - id: {FarmContent.FeedId(n)}\n    url: http://{FarmContent.Host(n, o.Hosts)}:{port}/feed/{n}.xml\n    language: zh-Hans\n    every: {(int)o.Every.TotalSeconds}s\n");
        return yaml.ToString();
    }

    /// <summary>Committed transactions of the benchmark's database so far, read from another database so the reading does not count.</summary>
    static async Task<long> CommitsAsync(string admin, string database)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(admin) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT xact_commit FROM pg_stat_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", database);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    static async Task AdminAsync(string admin, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(admin) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    static string Where(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString) is var b ? $"{b.Host}:{b.Port}" : "";
}
