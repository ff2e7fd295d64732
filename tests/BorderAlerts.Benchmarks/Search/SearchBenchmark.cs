using System.Globalization;
using BorderAlerts.Benchmarks.Matching;
using BorderAlerts.Core.Search;

namespace BorderAlerts.Benchmarks.Search;

internal sealed record SearchOptions
{
    public long Items { get; init; } = 100_000;

    /// <summary>`sqlite` (a file) or `postgres` (a database of its own on the configured server).</summary>
    public string Store { get; init; } = "sqlite";

    /// <summary>The SQLite file, or the PostgreSQL database name; null: the store's default.</summary>
    public string? Db { get; init; }

    /// <summary>PostgreSQL server connection string; null: the product's setting or `.ci/postgres`'s.</summary>
    public string? Postgres { get; init; }

    public bool Keep { get; init; }
    public bool Reuse { get; init; }
    public int Queries { get; init; } = 20;
    public int Rounds { get; init; } = 3;
    public int Limit { get; init; } = 10;
    public int Days { get; init; } = 365;
    public bool IngestOnly { get; init; }

    /// <summary>PostgreSQL only: load without synchronous commits and build the GIN index after the load.</summary>
    public bool Bulk { get; init; }

    /// <summary>Polls storing at once (1: one after another, only the store calls timed).</summary>
    public int Writers { get; init; } = 1;

    /// <summary>Polls per transaction with several writers (the poller's group commit takes up to 64).</summary>
    public int Group { get; init; } = 16;
}

/// <summary>
/// The archive search benchmark (docs/benchmarks.md, "Archive search"): generate and store items through the product's
/// write path with the index kept up to date, report ingest speed and index size against the raw text, then run the
/// query set through <see cref="ArchiveSearch"/> and report p50/p95/p99 per query class. The same corpus, ingest loop,
/// queries and report on either store.
/// </summary>
internal static class SearchBenchmark
{
    public static async Task<int> RunAsync(SearchOptions o, CancellationToken cancellationToken = default)
    {
        var log = Console.Out;
        var root = MatcherCorpus.FindRepoRoot();
        await using ISearchBenchStore archive = o.Store == "postgres"
            ? await PostgresBenchStore.OpenAsync(PostgresBenchStore.ServerConnectionString(o.Postgres), o.Db ?? PostgresBenchStore.DefaultName, o.Reuse, o.Bulk, log, cancellationToken)
            : await SqliteBenchStore.OpenAsync(o.Db ?? SqliteBenchStore.DefaultPath, o.Reuse, log, cancellationToken);
        log.WriteLine($"search benchmark: {(archive.Reused ? "reused database" : $"{o.Items:N0} items, database")} {archive.Describe}, " +
            $".NET {Environment.Version}, {Environment.ProcessorCount} cores, load average {LoadAverage()}");

        IngestResult? ingest = null;
        if (!archive.Reused)
        {
            log.WriteLine($"ingest ({archive.WritePath} per poll of 20–50 items, index updated in the same transaction):");
            ingest = await SearchIngest.RunAsync(archive, new SearchCorpus(root, o.Items, o.Days, DateTimeOffset.UtcNow), o.Items, o.Writers, o.Group, log, cancellationToken);
        }
        var (items, raw) = ingest is { } r ? (r.Items, r.RawBytes) : await archive.RawTextAsync(cancellationToken);
        SearchReport.Storage(log, items, raw, await archive.SizesAsync(cancellationToken), ingest);

        if (!o.IngestOnly)
        {
            var rules = SearchLatency.Rules(root);
            var search = SearchLatency.Search(archive.Index, rules);
            var queries = SearchQueries.All;
            log.WriteLine($"warm-up: every query twice; then {o.Rounds} rounds of {o.Queries} runs per query ({queries.Count} queries, limit {o.Limit}), interleaved; load average {LoadAverage()}");
            await SearchLatency.RoundAsync(search, queries, 2, o.Limit, cancellationToken);
            var rounds = new List<List<QueryStats>>();
            for (int round = 0; round < o.Rounds; round++)
            {
                rounds.Add(await SearchLatency.RoundAsync(search, queries, o.Queries, o.Limit, cancellationToken));
                log.WriteLine($"round {round + 1}: load average {LoadAverage()}");
            }
            await SearchLatency.CountMatchesAsync(archive, items, rules, rounds[^1], cancellationToken);
            SearchReport.Latency(log, rounds);
        }
        await archive.FinishAsync(keep: o.Keep || o.Reuse);
        return 0;
    }

    static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    public static SearchOptions Parse(string[] a)
    {
        var o = new SearchOptions();
        for (int i = 0; i < a.Length; i++)
        {
            string Next() => i + 1 < a.Length ? a[++i] : throw new ArgumentException($"{a[i]} needs a value");
            switch (a[i])
            {
                case "--items": o = o with { Items = Whole(Next(), 1, 100_000_000) }; break;
                case "--db": o = o with { Db = Next() }; break;
                case "--store": o = o with { Store = Next() is var store and ("sqlite" or "postgres") ? store : throw new ArgumentException("--store must be sqlite or postgres") }; break;
                case "--postgres": o = o with { Postgres = Next() }; break;
                case "--keep": o = o with { Keep = true }; break;
                case "--reuse": o = o with { Reuse = true }; break;
                case "--queries": o = o with { Queries = (int)Whole(Next(), 1, 100_000) }; break;
                case "--rounds": o = o with { Rounds = (int)Whole(Next(), 1, 100) }; break;
                case "--limit": o = o with { Limit = (int)Whole(Next(), 1, ArchiveSearch.MaxLimit) }; break;
                case "--days": o = o with { Days = (int)Whole(Next(), 1, 36_500) }; break;
                case "--ingest-only": o = o with { IngestOnly = true }; break;
                case "--bulk": o = o with { Bulk = true }; break;
                case "--writers": o = o with { Writers = (int)Whole(Next(), 1, 64) }; break;
                case "--group": o = o with { Group = (int)Whole(Next(), 1, 64) }; break;
                default: throw new ArgumentException($"unknown option '{a[i]}'");
            }
        }
        return o;
    }

    static long Whole(string s, long min, long max) =>
        long.TryParse(s.Replace("_", "").Replace(",", ""), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max
            ? v : throw new ArgumentException($"'{s}' is not a whole number in {min}–{max}");
}
