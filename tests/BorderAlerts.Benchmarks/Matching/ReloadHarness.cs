using BorderAlerts.Core.Admin;
using System.Diagnostics;
using BorderAlerts.Core.Rules.Matching;

namespace BorderAlerts.Benchmarks.Matching;

/// <summary>
/// Does a rule reload pause matching? One thread matches items continuously and records how long each item takes;
/// another compiles the 10,000-term rules again and swaps them in, as FileRuleSource does, twenty times. Prints
/// per-item latency percentiles and the longest gap, with and without reloads.
/// Run: dotnet run -c Release --project tests/BorderAlerts.Benchmarks -- reload
/// </summary>
public static class ReloadHarness
{
    public static void Run(TextWriter output)
    {
        var corpus = new MatcherCorpus(MatcherCorpus.FindRepoRoot());
        RuleMatcher current = RuleMatcher.Compile(corpus.Rules);
        var quiet = Measure(corpus, () => current, TimeSpan.FromSeconds(5), reload: null);
        var reloads = 0;
        var busy = Measure(corpus, () => Volatile.Read(ref current), TimeSpan.FromSeconds(10), reload: () =>
        {
            for (int i = 0; i < 20; i++)
            {
                var next = RuleMatcher.Compile(corpus.Rules);
                Volatile.Write(ref current, next);
                reloads++;
                Thread.Sleep(100);
            }
        });
        output.WriteLine($"rules: {corpus.Rules.Count}, terms: {corpus.Terms.Count}, items of ~600 chars");
        output.WriteLine($"{"",-16} {"items/s",10} {"p50 µs",8} {"p99 µs",8} {"p99.9 µs",9} {"max µs",9}");
        Print(output, "no reload", quiet);
        Print(output, $"{reloads} reloads", busy);
    }

    static (double PerSecond, double[] Micros) Measure(MatcherCorpus corpus, Func<RuleMatcher> matcher, TimeSpan duration, Action? reload)
    {
        var latencies = new List<double>(4_000_000);
        var reloader = reload is null ? null : new Thread(() => reload()) { IsBackground = true };
        var total = Stopwatch.StartNew();
        reloader?.Start();
        long ticks = Stopwatch.GetTimestamp();
        while (total.Elapsed < duration || reloader?.IsAlive == true)
        {
            foreach (var (title, text, lang) in corpus.Items)
            {
                matcher().Match(new MatchInput(title, text, lang, "bench"));
                var now = Stopwatch.GetTimestamp();
                latencies.Add((now - ticks) * 1e6 / Stopwatch.Frequency);
                ticks = now;
            }
        }
        return (latencies.Count / total.Elapsed.TotalSeconds, latencies.Order().ToArray());
    }

    static void Print(TextWriter output, string label, (double PerSecond, double[] Micros) r)
    {
        double P(double q) => r.Micros[(int)Math.Min(r.Micros.Length - 1, q * r.Micros.Length)];
        output.WriteLine($"{label,-16} {r.PerSecond,10:N0} {P(0.5),8:N1} {P(0.99),8:N1} {P(0.999),9:N1} {r.Micros[^1],9:N0}");
    }
}
