namespace BorderAlerts.Benchmarks.Search;

/// <summary>Query classes of the target: 1–2-character CJK queries (≤ 50 ms p95), 3+ characters (≤ 20 ms), and
/// NOT/regex queries, which the index cannot narrow and which read up to 2,000 candidates (reported apart).</summary>
internal enum QueryClass { Cjk1, Cjk2, Long, NotRegex }

internal sealed record BenchQuery(QueryClass Class, string Label, string Query);

internal static class SearchQueries
{
    public static IReadOnlyList<BenchQuery> All { get; } =
    [
        // One CJK character: common (in most items of its language) and rare.
        new(QueryClass.Cjk1, "zh common", "国"),
        new(QueryClass.Cjk1, "ko common", "의"),
        new(QueryClass.Cjk1, "ja common", "の"),
        new(QueryClass.Cjk1, "zh rare", "煤"),
        new(QueryClass.Cjk1, "zh rare", "鸭"),
        new(QueryClass.Cjk1, "ja rare", "輸"),
        new(QueryClass.Cjk1, "ko rare", "혜"),
        // Two CJK characters: common words and border words.
        new(QueryClass.Cjk2, "zh common", "中国"),
        new(QueryClass.Cjk2, "zh common", "经济"),
        new(QueryClass.Cjk2, "ko common", "정부"),
        new(QueryClass.Cjk2, "ja common", "日本"),
        new(QueryClass.Cjk2, "zh border", "走私"),
        new(QueryClass.Cjk2, "zh border", "煤炭"),
        new(QueryClass.Cjk2, "zh border", "丹东"),
        new(QueryClass.Cjk2, "zh-Hant query", "丹東"),
        new(QueryClass.Cjk2, "zh border", "制裁"),
        new(QueryClass.Cjk2, "ko border", "단둥"),
        new(QueryClass.Cjk2, "ko border", "밀수"),
        new(QueryClass.Cjk2, "ja border", "密輸"),
        new(QueryClass.Cjk2, "since filter", "since:7d 丹东"),
        // Three or more characters.
        new(QueryClass.Long, "en common", "government"),
        new(QueryClass.Long, "en stop word", "the"),
        new(QueryClass.Long, "en border", "sanctions"),
        new(QueryClass.Long, "en border", "Dandong"),
        new(QueryClass.Long, "en phrase", "\"ship-to-ship\""),
        new(QueryClass.Long, "en prefix", "sanction*"),
        new(QueryClass.Long, "en AND", "coal customs"),
        new(QueryClass.Long, "en AND rare", "smuggling Dandong vessel"),
        new(QueryClass.Long, "zh 3 chars", "鸭绿江"),
        new(QueryClass.Long, "zh 4 chars", "走私煤炭"),
        new(QueryClass.Long, "ko 3 chars", "신의주"),
        new(QueryClass.Long, "ko 3 chars", "무연탄"),
        new(QueryClass.Long, "ja 3 chars", "北朝鮮"),
        new(QueryClass.Long, "since filter", "since:7d sanctions"),
        new(QueryClass.Long, "since filter", "since:30d 鸭绿江"),
        new(QueryClass.Long, "source filter", "source:xinhua-zh 鸭绿江"),
        new(QueryClass.Long, "source filter", "source:kcna-kp 신의주"),
        new(QueryClass.Long, "lang filter", "lang:ja 北朝鮮"),
        new(QueryClass.Long, "concepts OR", "@dandong OR @sinuiju"),
        new(QueryClass.Long, "concepts AND", "@coal AND @smuggling"),
        new(QueryClass.Long, "concept", "@sanctions"),
        // Words that are a concept's alias search the whole concept (ConceptExpansion); quotes keep one literal.
        new(QueryClass.Long, "widened phrase", "North Korea sanctions"),
        new(QueryClass.Long, "widened word", "Sinuiju"),
        new(QueryClass.Long, "quoted literal", "\"Dandong\""),
        // NOT and regexes: checked per candidate, at most 2,000 read.
        new(QueryClass.NotRegex, "NOT", "dandong -丹东 -단둥"),
        new(QueryClass.NotRegex, "NOT", "sanctions NOT coal"),
        new(QueryClass.NotRegex, "NOT only", "-the"),
        new(QueryClass.NotRegex, "regex", "/ship-?to-?ship/"),
        new(QueryClass.NotRegex, "regex", "/煤炭|석탄/"),
    ];

    /// <summary>The target's p95 for a class, in milliseconds (none for NOT/regex).</summary>
    public static double? TargetMs(QueryClass c) => c switch
    {
        QueryClass.Cjk1 or QueryClass.Cjk2 => 50,
        QueryClass.Long => 20,
        _ => null,
    };

    public static string Name(QueryClass c) => c switch
    {
        QueryClass.Cjk1 => "1-char CJK",
        QueryClass.Cjk2 => "2-char CJK",
        QueryClass.Long => "3+ chars",
        _ => "NOT / regex",
    };
}
