using System.Diagnostics;
using BorderAlerts.Core.Rules;
using BorderAlerts.Core.Rules.Query;
using BorderAlerts.Core.Search;

namespace BorderAlerts.Benchmarks.Search;

/// <summary>One query's measurements: latencies in ms, and what the last run returned.</summary>
internal sealed class QueryStats(BenchQuery query)
{
    public BenchQuery Query { get; } = query;
    public List<double> Ms { get; } = [];
    public int Hits { get; set; }
    public int Examined { get; set; }
    public bool Capped { get; set; }
    public long IndexMatches { get; set; } = -1;
}

/// <summary>
/// Runs the query set through the real <see cref="ArchiveSearch"/> over the store's search index: warm-up, then
/// rounds of every query in turn (interleaved, so a burst of load on the shared machine hits all classes alike).
/// </summary>
internal static class SearchLatency
{
    sealed class FixedRules(RuleSet rules) : IRuleSource
    {
        public RuleSet Current => rules;
    }

    public static ArchiveSearch Search(ISearchIndex index, RuleSet rules) => new(index, new FixedRules(rules), TimeProvider.System);

    /// <summary>One round: every query <paramref name="runs"/> times, interleaved; returns stats per query.</summary>
    public static async Task<List<QueryStats>> RoundAsync(ArchiveSearch search, IReadOnlyList<BenchQuery> queries, int runs, int limit,
        CancellationToken cancellationToken)
    {
        var stats = queries.Select(q => new QueryStats(q)).ToList();
        for (int r = 0; r < runs; r++)
        {
            foreach (var s in stats)
            {
                var watch = Stopwatch.StartNew();
                var outcome = await search.SearchAsync(new SearchRequest(s.Query.Query, limit), cancellationToken);
                watch.Stop();
                s.Ms.Add(watch.Elapsed.TotalMilliseconds);
                (s.Hits, s.Examined, s.Capped) = (outcome.Hits.Count, outcome.Examined, outcome.Capped);
            }
        }
        return stats;
    }

    /// <summary>How many indexed items the query's index restriction matches (filters aside): its selectivity.</summary>
    public static async Task CountMatchesAsync(ISearchBenchStore archive, long items, RuleSet rules, IEnumerable<QueryStats> stats,
        CancellationToken cancellationToken)
    {
        foreach (var s in stats)
        {
            var plan = SearchPlanner.Plan(ConceptExpansion.Parse(s.Query.Query, rules.Concepts).Query, DateTimeOffset.UtcNow); // as ArchiveSearch widens it
            s.IndexMatches = plan.Restriction is null ? items : await archive.CountAsync(plan.Restriction, cancellationToken);
        }
    }

    public static RuleSet Rules(string repoRoot) => RuleSet.Compile(RulesFile.Load(Path.Combine(repoRoot, "config", "rules.yaml")));

    /// <summary>Nearest-rank percentile of a sample.</summary>
    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
