using BenchmarkDotNet.Attributes;
using BorderAlerts.Core.Rules;
using BorderAlerts.Core.Rules.Matching;
using BorderAlerts.Core.Rules.Query;

namespace BorderAlerts.Benchmarks.Matching;

/// <summary>Compiling a concept of 100,000 terms (parsing and normalising the aliases included) into a matcher.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class CompileBenchmarks
{
    Dictionary<string, IReadOnlyList<string>> _concepts = null!;
    QueryNode _parsed = null!;
    static readonly RuleDefinition Rule = new("vessels", "vessels", "@vessels", Severity.High, ["console"], true);

    [GlobalSetup]
    public void Setup()
    {
        var corpus = new MatcherCorpus(MatcherCorpus.FindRepoRoot(), termCount: 100_000, ruleCount: 0, itemCount: 1);
        _concepts = new() { ["vessels"] = corpus.Terms };
        _parsed = QueryParser.Parse("@vessels", _concepts);
    }

    [Benchmark(Description = "parse + compile 100,000 terms")]
    public RuleMatcher ParseAndCompile() => RuleMatcher.Compile([(Rule, QueryParser.Parse("@vessels", _concepts))]);

    [Benchmark(Description = "compile 100,000 parsed terms")]
    public RuleMatcher Compile() => RuleMatcher.Compile([(Rule, _parsed)]);
}
