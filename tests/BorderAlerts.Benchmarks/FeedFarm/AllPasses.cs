using System.Diagnostics;
using BorderAlerts.Core.Polling;

namespace BorderAlerts.Benchmarks.FeedFarm;

/// <summary>
/// `feedfarm --all-passes N`: N passes of `poll --all` (PollRunner.RunNowAsync over every feed id) back to back, each
/// timed in wall and process CPU. The first is the seed pass (every answer a 200 with new items); the later ones meet
/// the farm's not-modified share of 304s. The farm runs in its own process, so its CPU is not counted.
/// </summary>
public static class AllPasses
{
    public static async Task<int> RunAsync(PollRunner runner, IReadOnlyCollection<string> feedIds, int passes, CancellationToken stopping)
    {
        Console.WriteLine("pass      feeds    fetched       304   failed     wall s      CPU s   CPU ms/feed");
        for (int pass = 1; pass <= passes && !stopping.IsCancellationRequested; pass++)
        {
            using var self = Process.GetCurrentProcess();
            var cpu = self.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var summary = await runner.RunNowAsync(feedIds, stopping, keepItems: false);
            var wall = watch.Elapsed.TotalSeconds;
            self.Refresh();
            var used = (self.TotalProcessorTime - cpu).TotalSeconds;
            Console.WriteLine($"{pass,4} {summary.Feeds,10:N0} {summary.Fetched,10:N0} {summary.NotModified,9:N0} {summary.Failed,8:N0} " +
                $"{wall,10:0.0} {used,10:0.0} {1000 * used / Math.Max(1, summary.Feeds),13:0.00}");
        }
        return stopping.IsCancellationRequested ? 130 : 0;
    }
}
