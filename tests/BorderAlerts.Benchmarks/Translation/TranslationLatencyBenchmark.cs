using System.Runtime;

namespace BorderAlerts.Benchmarks.Translation;

/// <summary>
/// `translate`: how much a machine translation delays cards on the real delivery path, per translator condition
/// (docs/benchmarks.md, "Cards with the translator on"). Runs are interleaved (every condition once, then again) so a
/// busy moment of the machine falls on all conditions alike.
/// </summary>
public static class TranslationLatencyBenchmark
{
    public static async Task<int> RunAsync(TranslationLatencyOptions o)
    {
        Console.WriteLine($"translate: {o}");
        Console.WriteLine($"machine: {Environment.MachineName}, {Environment.ProcessorCount} logical cores ({FeedFarm.FeedFarmBenchmark.CpuModel()}), " +
            $"{Environment.OSVersion}, .NET {Environment.Version}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC; card wait {BorderAlerts.Core.Delivery.CardTranslator.Wait.TotalSeconds:0} s");
        await using var standIns = await LoopbackStandIns.StartAsync();
        // Warm-up, not counted: one wave of every condition (JIT, connection pools, SQLite's first open).
        foreach (var condition in o.Chosen()) await TranslationLatencyRun.RunAsync(condition, 0, o with { Cards = o.Feeds }, standIns);
        var runs = new List<ConditionRun>();
        for (int run = 1; run <= o.Runs; run++)
            foreach (var condition in o.Chosen())
            {
                var result = await TranslationLatencyRun.RunAsync(condition, run, o, standIns);
                runs.Add(result);
                Console.WriteLine($"run {run} {condition.Name,-9} {result.Cards.Count}/{result.Expected} cards in {result.Wall.TotalSeconds:0.0} s, " +
                    $"{result.Cards.Count(c => c.Translated)} translated, {result.Messages} messages, {result.TranslateRequests} translator requests, {result.Notices} admin notices; " +
                    $"claim→send max {Ms(result.Cards.Max(c => c.ClaimToSend))}, first sighting→delivery p95 {Ms(TranslationLatencyReport.Percentile(result.Cards.Select(c => c.SeenToDelivered), 0.95))}");
            }
        return TranslationLatencyReport.Write(Console.Out, runs, o);
    }

    static string Ms(TimeSpan t) => $"{t.TotalMilliseconds:0} ms";
}
