using System.Globalization;
using BenchmarkDotNet.Running;
using BorderAlerts.Benchmarks;
using BorderAlerts.Benchmarks.FeedFarm;
using BorderAlerts.Core.Feeds;

// BorderAlerts benchmarks (docs/benchmarks.md).
//   feedfarm [--feeds 20000] [--seconds 300] [--not-modified-share 0.6] [--hosts 16] [--every 5m] [--tick 5s] [--spread]
//            [--quick] [--set Section:Key=Value ...] [--json FILE] [--report-every S] [--keep] [--pass-budget 30s] [--rules config/rules.yaml]
//            [--all-passes N]   (N `poll --all` passes instead of the scheduled ones)
//   scaleout [--feeds 3000] [--every 2m] [--instances 1,3] [--seconds 240] [--tick 5s] [--postgres CONNSTR]
//                                                                 (several instances on one PostgreSQL database; docs/benchmarks.md)
//   farm --port P --feeds N --not-modified-share S --hosts H [--min-gap-ms G]  (the loopback farm; feedfarm starts it itself)
//   parse [BenchmarkDotNet arguments]                             (SyndicationParser throughput, BenchmarkDotNet)
//   matcher [BenchmarkDotNet arguments]                           (rule matcher vs Regex per rule vs SearchValues; compile 100k terms)
//   matcher-cpu [--rounds 40] [--only NAME]                       (the matcher in thread CPU time, by language)
//   pack-cpu [--rules FILE] [--rounds 40]                         (a rules file as the poller runs it, with story fingerprints)
//   reload                                                        (matching latency while rules are recompiled and swapped)
//   stories [--pairs FILE] [--rules FILE] [--errors]              (story grouping: pair precision and recall on the labelled pairs)
//   watchlists [--megabytes 10,100] [--dir PATH] [--keep]         (OFAC- and FtM-shaped lists: parse time, entries/s, peak memory)
//   translate [--cards 300] [--feeds 20] [--runs 3] [--conditions off,fast,slow,down,http500,http429,malformed] [--fast-ms 100-300]
//             [--fail-ms 100-300] [--chat-ms 100] [--pause-ms 200] [--set Section:Key=Value ...]   (card delay with the translator on, per condition)
//   adaptive [--per-class 25] [--days 14] [--warmup-days 7] [--seed 21] [--listed 20] [--every 10m] [--min 2m] [--max 1h]
//                                                                 (fixed vs every: auto on simulated sources; issue 21)
//   parity [--reference FILE] [--max-diffs 400]                  (our feed parser vs Python's feedparser, per field; issue 20)
//   search [--items 100000] [--store sqlite|postgres] [--db PATH|NAME] [--postgres CONNSTR] [--keep] [--reuse] [--queries 20] [--rounds 3] [--limit 10] [--days 365] [--ingest-only] [--bulk] [--writers 1]   (archive search)
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine("""
        usage: BorderAlerts.Benchmarks feedfarm [--feeds 20000] [--seconds 300] [--not-modified-share 0.6] [--hosts 16]
                                                [--every 5m] [--tick 5s] [--spread] [--quick] [--set Key=Value]... [--json FILE] [--keep] [--pass-budget 30s] [--rules FILE] [--all-passes N]
               BorderAlerts.Benchmarks parse [BenchmarkDotNet arguments, e.g. --filter *]
               BorderAlerts.Benchmarks watchlists [--megabytes 10,100] [--dir PATH] [--keep]
               BorderAlerts.Benchmarks translate [--cards 300] [--feeds 20] [--runs 3] [--conditions off,fast,slow,down,http500,http429,malformed] [--fast-ms 100-300] [--fail-ms 100-300] [--chat-ms 100]
               BorderAlerts.Benchmarks parity [--reference FILE] [--max-diffs 400]
               BorderAlerts.Benchmarks adaptive [--per-class 25] [--days 14] [--warmup-days 7] [--seed 21] [--listed 20] [--every 10m] [--min 2m] [--max 1h]
               BorderAlerts.Benchmarks search [--items 100000] [--store sqlite|postgres] [--db PATH|NAME] [--postgres CONNSTR] [--keep] [--reuse] [--queries 20] [--rounds 3] [--limit 10] [--days 365] [--ingest-only] [--bulk] [--writers 1]
        see docs/benchmarks.md
        """);
    return args.Length == 0 ? 2 : 0;
}

try
{
    var rest = args[1..];
    return args[0] switch
    {
        "feedfarm" => await FeedFarmBenchmark.RunAsync(ParseFeedFarm(rest)),
        "farm" => await FarmServer.RunAsync(new FarmArgs(Int(Value(rest, "--port")!), Int(Value(rest, "--feeds") ?? "20000"),
            Double(Value(rest, "--not-modified-share") ?? "0.6"), Int(Value(rest, "--hosts") ?? "16"), Int(Value(rest, "--min-gap-ms") ?? "0"))),
        "scaleout" => await BorderAlerts.Benchmarks.ScaleOut.ScaleOutBenchmark.RunAsync(BorderAlerts.Benchmarks.ScaleOut.ScaleOutOptions.Parse(rest)),
        "parse" => Parse(rest),
        "matcher" => Matcher(rest),
        "matcher-cpu" => MatcherCpu(rest),
        "pack-cpu" => BorderAlerts.Benchmarks.Matching.PackCpuHarness.Run(Value(rest, "--rules") ?? "config/rules.yaml", Int(Value(rest, "--rounds") ?? "40")),
        "reload" => Reload(),
        "watchlists" => BorderAlerts.Benchmarks.Watchlists.WatchlistParseHarness.Run(
            (Value(rest, "--megabytes") ?? "10,100").Split(',').Select(Int).ToList(), Value(rest, "--dir"), rest.Contains("--keep")),
        "watchlist-match" => BorderAlerts.Benchmarks.Watchlists.WatchlistMatchHarness.Run(Console.Out, Int(Value(rest, "--entries") ?? "20000"), Int(Value(rest, "--rounds") ?? "30")),
        "translate" => await BorderAlerts.Benchmarks.Translation.TranslationLatencyBenchmark.RunAsync(BorderAlerts.Benchmarks.Translation.TranslationLatencyOptions.Parse(rest)),
        "panel" => await BorderAlerts.Benchmarks.Panel.PanelBenchmark.RunAsync(BorderAlerts.Benchmarks.Panel.PanelOptions.Parse(rest)),
        "search" => await BorderAlerts.Benchmarks.Search.SearchBenchmark.RunAsync(BorderAlerts.Benchmarks.Search.SearchBenchmark.Parse(rest)),
        "parity" => BorderAlerts.Benchmarks.Parity.ParityCommand.Run(rest),
        "websub" => await BorderAlerts.Benchmarks.WebSub.PushLatencyBenchmark.RunAsync(rest),
        "adaptive" => BorderAlerts.Benchmarks.Adaptive.AdaptiveBenchmark.Run(BorderAlerts.Benchmarks.Adaptive.AdaptiveOptions.Parse(rest), Console.Out),
        "stories" => BorderAlerts.Benchmarks.Stories.StoryPairsHarness.Run(
            Value(rest, "--pairs") ?? "tests/BorderAlerts.Core.Tests/Fixtures/eval/pairs.jsonl", Value(rest, "--rules") ?? "config/rules.yaml", rest.Contains("--errors")),
        _ => throw new ArgumentException($"unknown command '{args[0]}' (adaptive, feedfarm, scaleout, farm, parity, parse, matcher, matcher-cpu, pack-cpu, panel, reload, search, stories, translate, watchlists, watchlist-match, websub)"),
    };
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}

static int Matcher(string[] rest)
{
    BenchmarkRunner.Run([typeof(BorderAlerts.Benchmarks.Matching.MatcherBenchmarks), typeof(BorderAlerts.Benchmarks.Matching.CompileBenchmarks)], args: rest);
    return 0;
}

static int MatcherCpu(string[] rest)
{
    BorderAlerts.Benchmarks.Matching.MatcherCpuHarness.Run(Console.Out, Int(Value(rest, "--rounds") ?? "40"), Value(rest, "--only"));
    return 0;
}

static int Reload()
{
    BorderAlerts.Benchmarks.Matching.ReloadHarness.Run(Console.Out);
    return 0;
}

static int Parse(string[] rest)
{
    BenchmarkRunner.Run<ParsingBenchmarks>(args: rest);
    return 0;
}

static FeedFarmOptions ParseFeedFarm(string[] a)
{
    var quick = a.Contains("--quick");
    var o = quick
        ? new FeedFarmOptions { Feeds = 2_000, Seconds = 60, Every = TimeSpan.FromMinutes(1) }
        : new FeedFarmOptions();
    var settings = new Dictionary<string, string?>();
    for (int i = 0; i < a.Length; i++)
    {
        string Next() => i + 1 < a.Length ? a[++i] : throw new ArgumentException($"{a[i]} needs a value");
        switch (a[i])
        {
            case "--quick": break;
            case "--feeds": o = o with { Feeds = Int(Next()) }; break;
            case "--seconds": o = o with { Seconds = Int(Next()) }; break;
            case "--not-modified-share": o = o with { NotModifiedShare = Double(Next()) }; break;
            case "--hosts": o = o with { Hosts = Int(Next()) }; break;
            case "--every": o = o with { Every = Duration(Next()) }; break;
            case "--tick": o = o with { Tick = Duration(Next()) }; break;
            case "--spread": o = o with { Spread = true }; break;
            case "--keep": o = o with { Keep = true }; break;
            case "--json": o = o with { Json = Next() }; break;
            case "--report-every": o = o with { ReportEverySeconds = Int(Next()) }; break;
            case "--pass-budget": o = o with { PassBudget = Duration(Next()) }; break;
            case "--all-passes": o = o with { AllPasses = Int(Next()) }; break;
            case "--rules":
                var rules = Next();
                if (!File.Exists(rules)) throw new ArgumentException($"--rules: no file '{rules}'");
                o = o with { Rules = rules };
                break;
            case "--set":
                var pair = Next().Split('=', 2);
                if (pair.Length != 2) throw new ArgumentException("--set needs Section:Key=Value, e.g. --set Fetch:MaxConcurrencyPerHost=8");
                settings[pair[0]] = pair[1];
                break;
            default: throw new ArgumentException($"unknown option '{a[i]}'");
        }
    }
    if (o.Feeds is < 1 or > 1_000_000) throw new ArgumentException("--feeds must be 1–1,000,000");
    if (o.Hosts is < 1 or > 254) throw new ArgumentException("--hosts must be 1–254");
    if (o.NotModifiedShare is < 0 or > 1) throw new ArgumentException("--not-modified-share must be 0–1");
    if (o.Seconds < 1) throw new ArgumentException("--seconds must be positive");
    return o with { Settings = settings };
}

static string? Value(string[] a, string name) => Array.IndexOf(a, name) is var i and >= 0 && i + 1 < a.Length ? a[i + 1] : null;
static int Int(string s) => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : throw new ArgumentException($"'{s}' is not a whole number");
static double Double(string s) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : throw new ArgumentException($"'{s}' is not a number");
static TimeSpan Duration(string s) => DurationParser.TryParse(s, out var t) ? t
    : int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) ? TimeSpan.FromSeconds(seconds)
    : throw new ArgumentException($"'{s}' is not a duration (examples: 5s, 1m, 5m)");
