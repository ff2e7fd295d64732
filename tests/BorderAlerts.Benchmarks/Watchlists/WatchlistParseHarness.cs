using System.Diagnostics;
using System.Globalization;
using BorderAlerts.Core.Watchlists;

namespace BorderAlerts.Benchmarks.Watchlists;

/// <summary>
/// `watchlists [--megabytes 10,100] [--dir PATH] [--keep]`: writes OFAC- and FtM-shaped lists of each size, parses each
/// (all programs, then DPRK* only) and prints wall time, entries per second, and the peak working set and GC heap
/// sampled every 5 ms while parsing. Bounded memory means the peaks do not grow with the file.
/// </summary>
public static class WatchlistParseHarness
{
    static readonly (WatchlistFormat Format, Action<string, long> Generate)[] Generators =
        [(WatchlistFormat.OfacSdnXml, ListGenerator.Ofac), (WatchlistFormat.OpenSanctionsFtm, ListGenerator.Ftm)];

    public static int Run(IReadOnlyList<int> megabytes, string? dir, bool keep)
    {
        dir ??= Path.Combine(Path.GetTempPath(), "borderalerts-watchlists-bench");
        Directory.CreateDirectory(dir);
        Console.WriteLine($"{Environment.ProcessorCount} cores, {RuntimeInfo()}, files in {dir}");
        WarmUp(dir);
        Console.WriteLine($"{"format",-18} {"MB",5} {"filter",7} {"entries",9} {"skipped",7} {"seconds",8} {"entries/s",10} {"MB/s",6} {"peak WS MB",10} {"peak heap MB",12}");
        foreach (var mb in megabytes)
        {
            foreach (var (format, generate) in Generators)
            {
                var path = Path.Combine(dir, $"{format.Name()}-{mb}mb");
                if (!File.Exists(path)) generate(path, mb * 1024L * 1024);
                foreach (var programs in new[] { Array.Empty<string>(), ["DPRK*", "UN-SCDPRK"] })
                    Console.WriteLine(Measure(format, path, programs));
            }
            if (!keep) foreach (var f in Directory.GetFiles(dir, $"*-{mb}mb")) File.Delete(f);
        }
        return 0;
    }

    /// <summary>One unreported 1 MB pass per format, so the first measured size does not pay for the JIT.</summary>
    static void WarmUp(string dir)
    {
        foreach (var (format, generate) in Generators)
        {
            var path = Path.Combine(dir, $"{format.Name()}-warmup");
            generate(path, 1024 * 1024);
            Measure(format, path, []);
            File.Delete(path);
        }
    }

    static string Measure(WatchlistFormat format, string path, string[] programs)
    {
        var list = new WatchlistDefinition
        {
            Id = "bench", Name = "bench", Url = new Uri("https://lists.example/"), Format = format, Programs = ProgramFilter.Of(programs),
        };
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        using var sampler = new PeakSampler();
        var counts = new WatchlistCounts();
        var clock = Stopwatch.StartNew();
        using (var body = File.OpenRead(path))
            foreach (var _ in WatchlistParser.Parse(list, body, counts)) { }
        var seconds = clock.Elapsed.TotalSeconds;
        var (workingSet, heap) = sampler.Stop();
        var mb = new FileInfo(path).Length / 1048576.0;
        var read = counts.Entries + counts.FilteredOut;
        return string.Create(CultureInfo.InvariantCulture,
            $"{format.Name(),-18} {mb,5:0} {(programs.Length == 0 ? "all" : "DPRK"),7} {counts.Entries,9} {counts.SkippedTotal,7} {seconds,8:0.00} {read / seconds,10:0} {mb / seconds,6:0.0} {workingSet / 1048576.0,10:0.0} {heap / 1048576.0,12:0.0}");
    }

    static string RuntimeInfo() =>
        $"{System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC";

    /// <summary>Samples the process's working set and the GC heap on a thread of its own until stopped.</summary>
    sealed class PeakSampler : IDisposable
    {
        readonly Thread _thread;
        volatile bool _stop;
        long _workingSet, _heap;

        public PeakSampler()
        {
            _thread = new Thread(Sample) { IsBackground = true, Priority = ThreadPriority.AboveNormal };
            _thread.Start();
        }

        void Sample()
        {
            using var self = Process.GetCurrentProcess();
            while (!_stop)
            {
                self.Refresh();
                _workingSet = Math.Max(_workingSet, self.WorkingSet64);
                _heap = Math.Max(_heap, GC.GetTotalMemory(false));
                Thread.Sleep(5);
            }
        }

        public (long WorkingSet, long Heap) Stop()
        {
            _stop = true;
            _thread.Join();
            return (_workingSet, _heap);
        }

        public void Dispose() { if (!_stop) Stop(); }
    }
}
