using System.Globalization;
using BorderAlerts.Core.Feeds;
using BorderAlerts.Core.Polling;

namespace BorderAlerts.Benchmarks.Adaptive;

/// <param name="Days">Days measured, after <see cref="WarmupDays"/> in which the pollers learn and nothing is counted.</param>
public sealed record AdaptiveOptions(int PerClass = 25, int Days = 14, int WarmupDays = 7, int Seed = 21, int Listed = 20,
    TimeSpan? Every = null, AdaptiveBounds? Bounds = null)
{
    public static AdaptiveOptions Parse(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        int Int(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        TimeSpan? Duration(string name) => Value(name) is { } v && DurationParser.TryParse(v, out var d) ? d : null;
        var bounds = AdaptiveBounds.Default;
        return new(Int("--per-class", 25), Int("--days", 14), Int("--warmup-days", 7), Int("--seed", 21), Int("--listed", 20),
            Duration("--every"), new AdaptiveBounds(Duration("--min") ?? bounds.Min, Duration("--max") ?? bounds.Max));
    }
}

/// <summary>
/// Issue 21: fixed <c>every: 10m</c> against <c>every: auto</c> on simulated sources with known cadences, on a simulated
/// clock. Each poll sees the feed as a server would list it (its newest items, with their publication dates) and auto
/// decides the next poll with the core's <see cref="AdaptiveInterval"/>. A third policy is a fixed interval spending the
/// same requests as auto. A fourth is auto on the same sources listed without dates: it learns from first sightings, as
/// the core's <see cref="PublishingRhythm"/> records them (an item counts at the poll that first listed it, except on
/// the first poll). Delay = first poll at or after publication − publication.
/// </summary>
public static class AdaptiveBenchmark
{
    public static int Run(AdaptiveOptions options, TextWriter output)
    {
        var every = options.Every ?? TimeSpan.FromMinutes(10);
        var bounds = options.Bounds ?? AdaptiveBounds.Default;
        var sources = SimulatedSources.Population(options.PerClass, options.WarmupDays + options.Days, options.Seed);
        var fixedRun = Simulate(sources, options, (_, _, _, _) => every.TotalMinutes);
        var autoRun = Simulate(sources, options, (_, listed, now, start) =>
            AdaptiveInterval.Next(listed.Select(m => start.AddMinutes(m)), start.AddMinutes(now), bounds).TotalMinutes);
        var sameBudget = 1440.0 * sources.Count / autoRun.Sum(r => r.RequestsPerDay);
        var budgetRun = Simulate(sources, options, (_, _, _, _) => sameBudget);
        var sightings = new PublishingRhythm();
        var undatedRun = Simulate(sources, options, (listing, _, now, start) => AdaptiveInterval.Next(
            sightings.Listed(listing.Source, [], listing.Keys, start.AddMinutes(now)), start.AddMinutes(now), bounds).TotalMinutes);

        output.WriteLine($"adaptive: {sources.Count} sources ({options.PerClass} per class), {options.Days} days measured after {options.WarmupDays} of warm-up, seed {options.Seed}");
        output.WriteLine($"policy                 class      items  median delay  p90 delay  requests/day per source");
        foreach (var (name, run) in new[] { ($"fixed every {DurationParser.Format(every)}", fixedRun), ($"auto {DurationParser.Format(bounds.Min)}–{DurationParser.Format(bounds.Max)}", autoRun),
                     ($"fixed every {sameBudget:0.#}m (=auto's budget)", budgetRun),
                     ($"auto {DurationParser.Format(bounds.Min)}–{DurationParser.Format(bounds.Max)}, undated", undatedRun) })
        {
            foreach (var cls in SimulatedSources.Classes.Append("all"))
            {
                var rows = run.Where(r => cls == "all" || r.Class == cls).ToList();
                var delays = rows.SelectMany(r => r.Delays).Order().ToList();
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name,-22} {cls,-9} {delays.Count,6}  {Minutes(Percentile(delays, 0.5)),12}  {Minutes(Percentile(delays, 0.9)),9}  {rows.Average(r => r.RequestsPerDay),8:0.0}"));
            }
        }
        return 0;
    }

    sealed record SourceRun(string Class, List<double> Delays, double RequestsPerDay);

    /// <summary>A poll's listing by identity: the source and its listed items' keys (for sightings of undated items).</summary>
    sealed record Listing(string Source, IEnumerable<string> Keys);

    /// <summary>The next interval in minutes, from the listing, its publication times, now and the clock's start (minutes).</summary>
    delegate double Policy(Listing listing, IReadOnlyList<double> listed, double now, DateTimeOffset start);

    static List<SourceRun> Simulate(List<SimulatedSource> sources, AdaptiveOptions options, Policy policy)
    {
        var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var random = new Random(options.Seed);
        double measureFrom = options.WarmupDays * 1440.0, end = (options.WarmupDays + options.Days) * 1440.0;
        var runs = new List<SourceRun>();
        foreach (var (number, source) in sources.Index())
        {
            var delays = new List<double>();
            int requests = 0, seen = 0; // seen: items published at or before the last poll
            for (double now = random.NextDouble() * 10; now < end;)
            {
                int upTo = seen;
                while (upTo < source.Published.Length && source.Published[upTo] <= now) upTo++;
                for (int i = seen; i < upTo; i++)
                    if (source.Published[i] >= measureFrom) delays.Add(now - source.Published[i]);
                seen = upTo;
                if (now >= measureFrom) requests++;
                var from = Math.Max(0, upTo - options.Listed);
                now += policy(new Listing($"s{number}", Enumerable.Range(from, upTo - from).Select(i => $"i{i}")), source.Published[from..upTo], now, start);
            }
            runs.Add(new SourceRun(source.Class, delays, requests / (double)options.Days));
        }
        return runs;
    }

    static double? Percentile(List<double> sorted, double p) => sorted.Count == 0 ? null : sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(p * sorted.Count))];

    static string Minutes(double? value) => value is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v:0.0} min") : "—";
}
