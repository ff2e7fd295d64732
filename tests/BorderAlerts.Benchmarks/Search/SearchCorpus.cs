using System.Text;

namespace BorderAlerts.Benchmarks.Search;

/// <summary>One generated news item, as a feed would deliver it.</summary>
internal sealed record CorpusItem(string FeedId, string Language, string Title, string Text, Uri Link, DateTimeOffset Published);

/// <summary>
/// The search benchmark's items, the same every run (fixed seed): a mix of English, simplified and traditional Chinese,
/// ROK and DPRK Korean and Japanese. Each language draws words with a Zipf-like frequency from a vocabulary of common
/// words, border and sanctions words at moderately rare ranks, and a long tail of words made of the script's common
/// characters (GB2312 level 1, KS X 1001 Hangul, JIS level 1 kanji). A few items are on-topic and use the border words
/// far more often, as real border reporting does. Titles are 20–60 characters, texts 200–600.
/// </summary>
internal sealed class SearchCorpus
{
    /// <summary>Language, its share of items, and its feeds (outlet-language ids; the first feed is the busiest).</summary>
    static readonly (string Lang, double Share, string[] Feeds)[] Mix =
    [
        ("en", 0.30, ["reuters-en", "ap-en", "nknews-en", "yonhap-en", "scmp-en", "dailynk-en", "38north-en", "voa-en"]),
        ("zh-Hans", 0.25, ["xinhua-zh", "people-zh", "chinanews-zh", "globaltimes-zh", "dandong-gov-zh", "jilin-daily-zh", "kyodo-zh", "rfa-zh"]),
        ("zh-Hant", 0.08, ["cna-zh-hant", "rfi-zh-hant", "hk01-zh-hant", "ltn-zh-hant"]),
        ("ko", 0.15, ["yonhap-ko", "chosun-ko", "hani-ko", "kbs-ko", "dailynk-ko", "nknews-ko"]),
        ("ko-KP", 0.07, ["kcna-kp", "rodong-kp", "uriminzokkiri-kp"]),
        ("ja", 0.15, ["kyodo-ja", "nhk-ja", "asahi-ja", "nikkei-ja", "yomiuri-ja"]),
    ];

    readonly Random _random;
    readonly Dictionary<string, LanguageModel> _models;
    readonly Dictionary<char, char> _toTraditional;
    readonly double[] _shares;
    readonly DateTimeOffset _start;
    readonly TimeSpan _step;
    long _count;

    public static IReadOnlyList<string> FeedIds => Mix.SelectMany(m => m.Feeds).ToList();

    public static string LanguageOf(string feedId) => Mix.First(m => m.Feeds.Contains(feedId)).Lang;

    /// <param name="items">How many items the run will draw: first-seen times are spread evenly over <paramref name="days"/> up to <paramref name="end"/>.</param>
    public SearchCorpus(string repoRoot, long items, int days, DateTimeOffset end, int seed = 20261201)
    {
        _random = new Random(seed);
        _models = LanguageModel.All(new Random(seed + 1));
        _toTraditional = ToTraditional(Path.Combine(repoRoot, "src/BorderAlerts.Core/Text/Data/t2s.txt"));
        var running = 0.0;
        _shares = Mix.Select(m => running += m.Share).ToArray();
        _start = end - TimeSpan.FromDays(days);
        _step = TimeSpan.FromDays(days) / Math.Max(1, items);
    }

    /// <summary>The next poll's worth of items: one feed, 20–50 new items, first seen at <see cref="PollTime"/>.</summary>
    public (string FeedId, DateTimeOffset At, List<CorpusItem> Items) NextPoll(int maxItems)
    {
        var pick = _random.NextDouble() * _shares[^1];
        var mix = Mix[Array.FindIndex(_shares, s => pick < s)];
        // Zipf over the outlets too: the first feed of a language publishes the most.
        var feed = mix.Feeds[Math.Min(mix.Feeds.Length - 1, (int)(Math.Pow(_random.NextDouble(), 2) * mix.Feeds.Length))];
        int count = Math.Min(maxItems, 20 + _random.Next(31));
        var at = _start + _step * (_count + count);
        var items = new List<CorpusItem>(count);
        for (int i = 0; i < count; i++) items.Add(Item(feed, mix.Lang, at));
        return (feed, at, items);
    }

    CorpusItem Item(string feed, string lang, DateTimeOffset at)
    {
        var id = ++_count;
        bool onTopic = _random.NextDouble() < 0.03;
        var model = _models[lang == "zh-Hant" ? "zh-Hans" : lang];
        var title = model.Sentence(_random, 20 + _random.Next(41), onTopic, title: true);
        var text = model.Sentence(_random, 200 + _random.Next(401), onTopic, title: false);
        if (lang == "zh-Hant") (title, text) = (Traditional(title), Traditional(text));
        var link = new Uri($"https://{feed}.example.org/news/{id}");
        return new CorpusItem(feed, lang, title, text, link, at - TimeSpan.FromMinutes(_random.Next(5, 600)));
    }

    string Traditional(string simplified)
    {
        var chars = simplified.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
            if (_toTraditional.TryGetValue(chars[i], out var t)) chars[i] = t;
        return new string(chars);
    }

    /// <summary>The product's traditional→simplified table, inverted (first traditional form of each simplified character).</summary>
    static Dictionary<char, char> ToTraditional(string t2sPath)
    {
        var map = new Dictionary<char, char>();
        foreach (var line in File.ReadLines(t2sPath, Encoding.UTF8))
            if (line.Length == 3 && line[1] == '\t' && line[0] != '#') map.TryAdd(line[2], line[0]);
        return map;
    }
}
