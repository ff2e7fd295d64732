using System.Diagnostics;
using System.Runtime.InteropServices;
using BorderAlerts.Core.Rules.Matching;

namespace BorderAlerts.Benchmarks.Matching;

/// <summary>
/// The matcher benchmark's items timed in thread CPU time, best of many rounds: steadier than wall time on a shared
/// machine, where BenchmarkDotNet cannot tell builds 10 % apart. Prints per-item figures for all items (corpus order),
/// the same items grouped by language, each language alone, and a non-matching item, with allocations.
/// Run: dotnet run -c Release --project tests/BorderAlerts.Benchmarks -- matcher-cpu [--rounds 40] [--only NAME] (only the sets whose name contains NAME)
/// </summary>
public static class MatcherCpuHarness
{
    public static void Run(TextWriter output, int rounds, string? only = null)
    {
        var corpus = new MatcherCorpus(MatcherCorpus.FindRepoRoot(), itemCount: MatcherBenchmarks.Items);
        var matcher = RuleMatcher.Compile(corpus.Rules);
        var items = corpus.Items.Select(i => new MatchInput(i.Title, i.Text, i.Lang, "bench")).ToArray();
        var quiet = items.First(i => matcher.Match(i).Count == 0);
        var sets = new List<(string Name, MatchInput[] Items)>
        {
            ("all items (corpus order)", items),
            ("all items, grouped by language", items.OrderBy(i => i.Language, StringComparer.Ordinal).ToArray()),
        };
        foreach (var lang in items.Select(i => i.Language).Distinct().Order(StringComparer.Ordinal))
            sets.Add(($"  {lang} items only", items.Where(i => i.Language == lang).ToArray()));
        sets.Add(("non-matching item", Enumerable.Repeat(quiet, items.Length).ToArray()));

        if (only is not null) sets.RemoveAll(s => !s.Name.Contains(only, StringComparison.Ordinal));
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < TimeSpan.FromSeconds(2)) foreach (var (_, set) in sets) MatchAll(matcher, set);
        output.WriteLine($"rules: {corpus.Rules.Count}, terms: {corpus.Terms.Count}, items: {items.Length} ({items.Count(i => matcher.Match(i).Count > 0)} matching, " +
            $"{MatchAll(matcher, items) / (double)items.Length:F1} matches per item); thread CPU time per item, {rounds} rounds");
        output.WriteLine($"{"set",-34} {"items",6} {"best µs",9} {"median µs",10} {"items/s (best)",15} {"bytes/item",11} {"gen0 GCs/round",15}");
        foreach (var (name, set) in sets)
        {
            var times = new double[rounds];
            long bytes = 0;
            int collections = GC.CollectionCount(0);
            for (int r = 0; r < rounds; r++)
            {
                long allocated = GC.GetAllocatedBytesForCurrentThread();
                long start = ThreadCpuNanoseconds();
                MatchAll(matcher, set);
                times[r] = (ThreadCpuNanoseconds() - start) / 1000.0 / set.Length;
                bytes = GC.GetAllocatedBytesForCurrentThread() - allocated;
            }
            Array.Sort(times);
            output.WriteLine($"{name,-34} {set.Length,6} {times[0],9:F2} {times[rounds / 2],10:F2} {1e6 / times[0],15:N0} {bytes / (double)set.Length,11:F0} {(GC.CollectionCount(0) - collections) / (double)rounds,15:F2}");
        }
    }

    static int MatchAll(RuleMatcher matcher, MatchInput[] items)
    {
        int matches = 0;
        foreach (var item in items) matches += matcher.Match(item).Count;
        return matches;
    }

    /// <summary>CPU time of the calling thread (Linux clock_gettime), so other processes' load does not count.</summary>
    internal static long ThreadCpuNanoseconds()
    {
        if (!OperatingSystem.IsLinux()) return Stopwatch.GetTimestamp() * (1_000_000_000L / Stopwatch.Frequency);
        clock_gettime(ClockThreadCpuTime, out var time);
        return time.Seconds * 1_000_000_000L + time.Nanoseconds;
    }

    const int ClockThreadCpuTime = 3;

    [StructLayout(LayoutKind.Sequential)]
    struct TimeSpec
    {
        public long Seconds, Nanoseconds;
    }

    [DllImport("libc", SetLastError = true)]
    static extern int clock_gettime(int clock, out TimeSpec time);
}
