using BenchmarkDotNet.Attributes;
using BorderAlerts.Benchmarks.FeedFarm;
using BorderAlerts.Core.Feeds;
using BorderAlerts.Core.Items;
using BorderAlerts.Core.Parsing;

namespace BorderAlerts.Benchmarks;

/// <summary>`parse`: CPU cost of the parse stage for one 200 answer of the feed farm (a 20-item RSS 2.0 body, ~10 KB).</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class ParsingBenchmarks
{
    byte[] _body = [];
    string _text = "";
    ParseContext _context = null!;
    FeedDefinition _feed = null!;

    [GlobalSetup]
    public void Setup()
    {
        _body = FarmContent.Rss(3, FarmContent.BaseVersion);
        _feed = new FeedDefinition { Id = "bench", Name = "bench", Url = new Uri("http://127.0.0.4:8080/feed/3.xml"), Language = "ko" };
        _context = new ParseContext(_feed, _feed.Url, DateTimeOffset.UtcNow);
        _text = TextDecoder.Decode(_body, "application/rss+xml; charset=utf-8", "ko").Text;
    }

    [Benchmark(Description = "TextDecoder.Decode")]
    public int Decode() => TextDecoder.Decode(_body, "application/rss+xml; charset=utf-8", "ko").Text.Length;

    [Benchmark(Description = "SyndicationParser.Parse (20 items)")]
    public int Syndication() => SyndicationParser.Parse(_text, "utf-8", _context).Items.Count;

    [Benchmark(Baseline = true, Description = "FeedParser.Parse + ItemIdentity (what FeedPoller does per 200)")]
    public int ParseAndIdentify()
    {
        var parsed = FeedParser.Parse(_body, "application/rss+xml; charset=utf-8", _context);
        int n = 0;
        foreach (var item in parsed.Items) n += ItemIdentity.Keys(item, _feed.Url).Count + ItemIdentity.ContentHash(item.Title, item.Text).Length;
        return n;
    }
}
