using System.Diagnostics;
using System.Text.Json;
using BorderAlerts.Core.Rules;
using BorderAlerts.Core.Rules.Matching;
using BorderAlerts.Core.Stories;

namespace BorderAlerts.Benchmarks.Matching;

/// <summary>
/// A rules file (the shipped pack by default) as the poller runs it, in thread CPU time per item, best of N rounds:
/// matching alone, and matching plus the story fingerprint an alerting item now gets (concepts tagged, figures, wording).
/// Items: the matcher benchmark's 600-character items and the evaluation corpus's real headlines and ledes.
/// Run: dotnet run -c Release --project tests/BorderAlerts.Benchmarks -- pack-cpu [--rules FILE] [--rounds 40]
/// </summary>
public static class PackCpuHarness
{
    public static int Run(string rulesPath, int rounds)
    {
        var root = MatcherCorpus.FindRepoRoot();
        var set = RuleSet.Compile(RulesFile.Load(Path.Combine(root, rulesPath)));
        var bench = new MatcherCorpus(root, itemCount: MatcherBenchmarks.Items).Items.Select(i => new MatchInput(i.Title, i.Text, i.Lang, "bench")).ToArray();
        var real = new[] { "tune", "holdout" }.SelectMany(part => File.ReadLines(Path.Combine(root, $"tests/BorderAlerts.Core.Tests/Fixtures/eval/{part}.jsonl")))
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Select(e => new MatchInput(e.GetProperty("title").GetString()!, e.GetProperty("text").GetString()!, e.GetProperty("lang").GetString(), "eval")).ToArray();
        Console.WriteLine($"{rulesPath}: {set.Rules.Count} rules, {set.Matcher.PatternCount} terms; thread CPU time per item, {rounds} rounds");
        Console.WriteLine($"{"set",-44} {"items",6} {"matched",8} {"best µs",9} {"median µs",10} {"items/s (best)",15}");
        foreach (var (name, items) in new[] { ("benchmark items (600 chars)", bench), ("evaluation corpus (real headlines + ledes)", real) })
        {
            Report(name + ", matching", items, input => set.Matcher.Match(input).Count, rounds);
            Report(name + ", + story fingerprints", items, input => Fingerprint(set, input), rounds);
            Report(name + ", + concepts only", items, input => set.Matcher.Match(input).Count > 0 ? set.Tagger.Tag(input.Title, input.Text).Length : 0, rounds);
        }
        return 0;
    }

    static int Fingerprint(RuleSet set, MatchInput input)
    {
        var matches = set.Matcher.Match(input);
        if (matches.Count == 0) return 0;
        var placement = StoryPlacement.Of("bench", input.Language, input.Title, input.Text, DateTimeOffset.UnixEpoch, set.Tagger.Tag(input.Title, input.Text), set.StoryConcepts);
        return placement.Keys.Length > 0 ? matches.Count : 0;
    }

    static void Report(string name, MatchInput[] items, Func<MatchInput, int> run, int rounds)
    {
        int matched = items.Count(i => run(i) > 0);
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < TimeSpan.FromSeconds(1)) foreach (var item in items) run(item);
        var times = new double[rounds];
        for (int r = 0; r < rounds; r++)
        {
            long start = MatcherCpuHarness.ThreadCpuNanoseconds();
            foreach (var item in items) run(item);
            times[r] = (MatcherCpuHarness.ThreadCpuNanoseconds() - start) / 1000.0 / items.Length;
        }
        Array.Sort(times);
        Console.WriteLine($"{name,-44} {items.Length,6} {matched,8} {times[0],9:F2} {times[rounds / 2],10:F2} {1e6 / times[0],15:N0}");
    }
}
