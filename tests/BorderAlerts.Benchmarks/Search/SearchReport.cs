using static BorderAlerts.Benchmarks.Search.SearchLatency;

namespace BorderAlerts.Benchmarks.Search;

/// <summary>The search benchmark's printed figures: storage and ingest, then latency per class (each round, best, spread) and per query.</summary>
internal static class SearchReport
{
    const double MB = 1024 * 1024;

    public static void Storage(TextWriter log, long items, long raw, StoreSizes sizes, IngestResult? ingest)
    {
        if (ingest is { } i)
        {
            log.WriteLine($"ingest: {i.Items:N0} items in {i.Polls:N0} polls; store time {i.StoreTime.TotalSeconds:N1} s = {i.Items / i.StoreTime.TotalSeconds:N0} items/s " +
                $"({i.StoreTime.TotalMilliseconds / i.Polls:N2} ms per poll); wall {i.WallTime.TotalSeconds:N1} s with generation = {i.Items / i.WallTime.TotalSeconds:N0} items/s; " +
                $"process CPU {i.CpuTime.TotalSeconds:N1} s = {i.CpuTime.TotalMicroseconds / i.Items:N0} us per item, generation included");
        }
        log.WriteLine($"raw text (UTF-8 title + text): {raw / MB:N1} MB, {raw / (double)items:N0} B per item");
        log.WriteLine($"search index: {sizes.Index / MB:N1} MB = {sizes.Index / (double)raw:N2} x raw text (target <= 3)");
        log.WriteLine($"items table + index: {sizes.Items / MB:N1} MB; other tables: {sizes.Other / MB:N1} MB; file: {sizes.File / MB:N1} MB");
        log.WriteLine("  " + string.Join(", ", sizes.Tables.Take(10).Select(t => $"{t.Name} {t.Bytes / MB:N1} MB")));
    }

    public static void Latency(TextWriter log, IReadOnlyList<List<QueryStats>> rounds)
    {
        log.WriteLine();
        log.WriteLine("| class | queries | round | p50 ms | p95 ms | p99 ms | max ms | target p95 |");
        log.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        var classes = Enum.GetValues<QueryClass>().Select(c => (Name: SearchQueries.Name(c), Target: SearchQueries.TargetMs(c), Of: (Func<BenchQuery, bool>)(q => q.Class == c)))
            .Append(("all but NOT / regex", null, q => q.Class != QueryClass.NotRegex));
        var verdicts = new List<string>();
        foreach (var (name, target, of) in classes)
        {
            var perRound = rounds.Select(r => r.Where(s => of(s.Query)).SelectMany(s => s.Ms).ToList()).ToList();
            int count = rounds[0].Count(s => of(s.Query));
            for (int n = 0; n < perRound.Count; n++)
                log.WriteLine($"| {name} | {count} | {n + 1} | {Row(perRound[n])} | {(target is { } t ? $"≤ {t} ms" : "—")} |");
            var p95s = perRound.Select(ms => Percentile(ms, 95)).ToList();
            var best = perRound[p95s.IndexOf(p95s.Min())];
            log.WriteLine($"| **{name}** | {count} | **best** | {Row(best)} | {(target is { } t2 ? Percentile(best, 95) <= t2 ? "**met**" : "**missed**" : "—")} |");
            verdicts.Add($"{name}: best p95 {p95s.Min():N1} ms, spread {p95s.Min():N1}–{p95s.Max():N1} ms over {p95s.Count} rounds");
        }
        log.WriteLine();
        foreach (var v in verdicts) log.WriteLine(v);
        log.WriteLine();
        log.WriteLine("| class | what | query | hits | examined | index matches | p50 ms | p95 ms | max ms |");
        log.WriteLine("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (int q = 0; q < rounds[0].Count; q++)
        {
            var all = rounds.SelectMany(r => r[q].Ms).ToList();
            var last = rounds[^1][q];
            log.WriteLine($"| {SearchQueries.Name(last.Query.Class)} | {last.Query.Label} | `{last.Query.Query}` | {last.Hits} | {last.Examined:N0}{(last.Capped ? " (capped)" : "")} | " +
                $"{last.IndexMatches:N0} | {Percentile(all, 50):N1} | {Percentile(all, 95):N1} | {all.Max():N1} |");
        }
    }

    static string Row(List<double> ms) =>
        $"{Percentile(ms, 50):N1} | {Percentile(ms, 95):N1} | {Percentile(ms, 99):N1} | {ms.Max():N1}";
}
