using System.Text;
using System.Text.Json;
using BorderAlerts.Core.Rules;
using BorderAlerts.Core.Rules.Query;

namespace BorderAlerts.Benchmarks.Matching;

/// <summary>
/// The matcher benchmark's data, generated the same way every run (fixed seed): 10,000 mixed-script terms (the shipped
/// pack's aliases plus English phrases, Chinese, Korean and Japanese words built from common characters) in 1,000
/// rules, and items of about 600 characters made from the labelled headlines and a real English feed.
/// </summary>
public sealed class MatcherCorpus
{
    public List<string> Terms { get; } = [];
    public List<(RuleDefinition Rule, QueryNode Query)> Rules { get; } = [];
    public List<(string Title, string Text, string Lang)> Items { get; } = [];

    static readonly string[] English = ("coal iron ore port customs vessel tanker cargo border bridge trade export import fishing seafood " +
        "textile garment factory worker labour oil fuel diesel petroleum crude refined shipment smuggling seizure sanction designation " +
        "bank account company network front firm broker trader ship owner flag registry transfer transponder satellite imagery harbour " +
        "dock crane warehouse truck railway station freight container inspection penalty fine court indictment treasury commerce ministry " +
        "embassy envoy delegation summit talks agreement zone fair exhibition investment joint venture mine mineral rare earth copper zinc " +
        "lead graphite molybdenum timber wig eyelash hair sand gravel electricity power grid tourism tour hotel casino restaurant").Split(' ');

    const string ChineseChars = "中朝边境丹东新义州珲春罗先图们南阳长白惠山集安满浦延吉口岸海关走私煤炭石油成品原油水产品纺织劳务工人经济特区贸易博览会交易会制裁" +
        "联合国安理会决议专家小组船舶转运查获扣押公司银行账户网络代理人出口进口货物集装箱卡车铁路桥梁投资合资矿产稀土铜锌铅木材假发睫毛沙子电力旅游酒店";
    const string HangulSyllables = "단둥신의주훈춘라선도문남양장백혜산집안만포연길국경세관밀수석탄석유정제유원유수산물섬유노동자경제특구무역박람회제재유엔안보리결의전문가" +
        "패널선박환적압수회사은행계좌망대리인수출입화물컨테이너철도다리투자합작광물희토류구리아연납목재가발속눈썹모래전력관광호텔";
    const string Katakana = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワンガギグゲゴザジズゼゾダヂヅデドバビブベボパピプペポ";

    public MatcherCorpus(string repoRoot, int termCount = 10_000, int ruleCount = 1_000, int itemCount = 2_000)
    {
        var random = new Random(20261130);
        // Seed terms from a frozen copy of the pack, so the workload stays the same when config/rules.yaml changes.
        var pack = RulesFile.Load(Path.Combine(repoRoot, "tests", "BorderAlerts.Benchmarks", "Matching", "benchmark-rules.yaml"));
        var seen = new HashSet<string>();
        foreach (var alias in pack.Concepts.Values.SelectMany(a => a)) if (!alias.EndsWith('*') && seen.Add(alias)) Terms.Add(alias);
        while (Terms.Count < termCount)
        {
            var term = random.Next(10) switch
            {
                < 4 => English[random.Next(English.Length)] + " " + English[random.Next(English.Length)],
                < 6 => Pick(random, ChineseChars, 2 + random.Next(3)),
                < 8 => Pick(random, HangulSyllables, 2 + random.Next(2)),
                < 9 => Pick(random, Katakana, 3 + random.Next(3)),
                _ => English[random.Next(English.Length)] + random.Next(100, 999),
            };
            if (seen.Add(term)) Terms.Add(term);
        }
        if (ruleCount > 0) BuildRules(ruleCount, random);
        BuildItems(repoRoot, itemCount, random);
    }

    static string Pick(Random random, string pool, int length)
    {
        var chars = new char[length];
        for (int i = 0; i < length; i++) chars[i] = pool[random.Next(pool.Length)];
        return new string(chars);
    }

    void BuildRules(int ruleCount, Random random)
    {
        int perRule = Terms.Count / ruleCount;
        for (int r = 0; r < ruleCount; r++)
        {
            var terms = Terms.Skip(r * perRule).Take(perRule).Select(t => "\"" + t.Replace("\"", "") + "\"").ToList();
            var half = terms.Count / 2;
            var query = r % 2 == 0
                ? string.Join(" OR ", terms)
                : $"({string.Join(" OR ", terms.Take(half))}) AND ({string.Join(" OR ", terms.Skip(half))}) AND NOT sports";
            var rule = new RuleDefinition($"r{r}", $"rule {r}", query, (Severity)random.Next(4), ["console"], true);
            Rules.Add((rule, QueryParser.Parse(query)));
        }
    }

    void BuildItems(string repoRoot, int itemCount, Random random)
    {
        var sentences = new List<(string Text, string Lang)>();
        foreach (var line in File.ReadLines(Path.Combine(repoRoot, "tests/BorderAlerts.Core.Tests/Fixtures/rules/headlines.jsonl")))
        {
            using var doc = JsonDocument.Parse(line);
            var lang = doc.RootElement.GetProperty("lang").GetString()!;
            sentences.Add((doc.RootElement.GetProperty("title").GetString() + " " + doc.RootElement.GetProperty("text").GetString(), lang));
        }
        var feed = CodeHollow.FeedReader.FeedReader.ReadFromFile(Path.Combine(repoRoot, "tests/BorderAlerts.Core.Tests/Fixtures/realfeeds/indianexpress_world_2017-01-07.rss.xml"));
        foreach (var item in feed.Items) sentences.Add((item.Title + ". " + BorderAlerts.Core.Parsing.PlainText.FromHtml(item.Description, 2000), "en"));
        for (int i = 0; i < itemCount; i++)
        {
            var (first, lang) = sentences[random.Next(sentences.Count)];
            var text = new StringBuilder(first);
            while (text.Length < 600)
            {
                var next = sentences[random.Next(sentences.Count)];
                if (next.Lang == lang) text.Append(' ').Append(next.Text);
            }
            var body = text.ToString(0, 600);
            var cut = Math.Min(80, body.Length / 6);
            Items.Add((body[..cut], body[cut..], lang));
        }
    }

    public static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "BorderAlerts.sln"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}
