using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace BorderAlerts.Benchmarks.FeedFarm;

/// <summary>Samples the process once a second during the window (CPU, resident set, GC heap, polls) and, every
/// third sample, the store's backlog of due feeds through its own read-only connection (WAL lets it read beside the writer).</summary>
public sealed class Sampler(FarmMetrics metrics, string dbPath, int farmPort) : IDisposable
{
    readonly Lock _lock = new();
    readonly List<Sample> _samples = [];
    SqliteConnection? _db;
    CancellationTokenSource? _stop;
    Task? _loop;

    public IReadOnlyList<Sample> Samples { get { lock (_lock) return [.. _samples]; } }
    public int FarmPort => farmPort;

    public void Start()
    {
        SampleAndKeep();
        _stop = new CancellationTokenSource();
        _loop = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
            int i = 0;
            try
            {
                while (await timer.WaitForNextTickAsync(_stop.Token))
                {
                    var s = Sample(withBacklog: ++i % 3 == 0); // every 3 s: a 5 s period would alias with the 5 s tick
                    lock (_lock) _samples.Add(s);
                }
            }
            catch (OperationCanceledException) { }
        });
    }

    public void Stop()
    {
        _stop?.Cancel();
        _loop?.Wait();
    }

    /// <summary>A sample taken now for a report line, kept with the others so maxima include it.</summary>
    public Sample SampleAndKeep()
    {
        var s = Sample(withBacklog: true);
        lock (_lock) _samples.Add(s);
        return s;
    }

    public Sample Sample(bool withBacklog)
    {
        using var self = Process.GetCurrentProcess();
        var snapshot = metrics.Take();
        var info = GC.GetGCMemoryInfo();
        var (backlog, oldest) = withBacklog ? Backlog() : (-1, double.NaN);
        var (anon, threads) = AnonAndThreads();
        var sample = new Sample(DateTimeOffset.UtcNow, self.TotalProcessorTime, self.WorkingSet64 / 1048576.0, GC.GetTotalMemory(false) / 1048576.0,
            info.TotalCommittedBytes / 1048576.0, snapshot.Polls, snapshot.NotModified, snapshot.Failed, backlog, oldest, anon, threads);
        return sample;
    }

    /// <summary>Linux: RssAnon (GC heap plus native allocations, stacks, JIT) and the thread count, from /proc/self/status.</summary>
    static (double AnonMb, int Threads) AnonAndThreads()
    {
        double anon = double.NaN; int threads = -1;
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("RssAnon:", StringComparison.Ordinal)) anon = long.Parse(line[8..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
                else if (line.StartsWith("Threads:", StringComparison.Ordinal)) threads = int.Parse(line[8..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        catch (IOException) { }
        return (anon, threads);
    }

    /// <summary>Feeds due and not yet completed (leased ones included), and how overdue the oldest is.</summary>
    (int Count, double OldestSeconds) Backlog()
    {
        lock (_lock)
        {
            if (_db is null)
            {
                _db = new SqliteConnection($"Data Source={dbPath};Mode=ReadOnly");
                _db.Open();
            }
            using var command = _db.CreateCommand();
            command.CommandText = "SELECT COUNT(*), MIN(next_poll_at) FROM feeds WHERE enabled = 1 AND next_poll_at <= $now";
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            command.Parameters.AddWithValue("$now", now);
            using var reader = command.ExecuteReader();
            reader.Read();
            var count = reader.GetInt32(0);
            return (count, reader.IsDBNull(1) ? 0 : (now - reader.GetInt64(1)) / 1000.0);
        }
    }

    public void Dispose()
    {
        Stop();
        _db?.Dispose();
    }
}

public sealed record Sample(DateTimeOffset At, TimeSpan Cpu, double ResidentMb, double HeapMb, double CommittedMb, long Polls, long NotModified, long Failed,
    int Backlog, double OldestDueSeconds, double AnonMb, int Threads);
