using System.Globalization;
using System.Security;
using System.Text;

namespace BorderAlerts.Benchmarks.FeedFarm;

/// <summary>
/// The feed farm's documents: small RSS 2.0 feeds of 20 items with CJK and English titles, about 10 KB each.
/// Feed n's items are numbered; version v carries items v-19 … v, so a feed that changes gains one item per version.
/// Everything is a pure function of (feed, version, port), so the farm and the parsing benchmark build the same bytes.
/// </summary>
public static class FarmContent
{
    public const int ItemsPerFeed = 20;
    /// <summary>First version served; items are numbered from 1, so every version has a full page of items.</summary>
    public const int BaseVersion = 100;
    static readonly DateTimeOffset Epoch = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    static readonly string[] Titles =
    [
        "朝鲜再次发射弹道导弹 日本政府提出严重抗议",
        "中方回应美日韩联合军演：敦促有关方面停止挑衅",
        "韩国统一部：南北联络渠道仍未恢复",
        "北朝鮮、日本海に向け弾道ミサイル発射　防衛省が発表",
        "習近平主席と会談へ　首脳会談の調整進む",
        "북한, 동해상으로 단거리 탄도미사일 발사…합참 \"한미 공조 유지\"",
        "통일부 \"남북 연락채널 복원 촉구\"…북 반응 없어",
        "參考消息：外媒關注中俄邊境貿易增長",
        "外交部发言人就朝鲜半岛局势答记者问",
        "丹东口岸货运量同比增长 中朝贸易回暖",
        "Japan lodges protest after North Korean missile lands in EEZ",
        "State Department: Secretary meets counterparts on Korean Peninsula security",
        "China urges restraint as regional tensions rise over drills",
        "Seoul says inter-Korean hotline remains silent for third month",
        "U.S. imposes new sanctions on entities tied to DPRK weapons programs",
        "Kyodo: Tokyo and Beijing hold talks on maritime incidents",
        "North Korea's state media criticises joint exercises as \"rehearsal for invasion\"",
        "Border trade at Dandong picks up as rail link reopens",
        "共同社：日中外长电话会谈 确认保持沟通",
        "美国务院：将继续与盟友协调应对朝鲜核问题",
    ];

    static readonly string[] Texts =
    [
        "<p>据报道，有关部门于当天上午确认了相关情况，并表示将继续密切关注事态发展。</p><p>更多内容请见<a href=\"https://example.com/more\">原文</a>。</p>",
        "外交部发言人在例行记者会上表示，中方一贯主张通过对话协商解决问题，希望各方保持冷静克制。",
        "<p>防衛省によると、ミサイルは約400キロ飛行し、日本の排他的経済水域（EEZ）外に落下したとみられる。</p>",
        "합동참모본부는 \"북한의 추가 도발에 대비해 감시와 경계를 강화하고 있다\"고 밝혔다.",
        "<p>The Secretary reaffirmed the ironclad commitment to the defense of the Republic of Korea &amp; Japan.</p><ul><li>Readout</li><li>Fact sheet</li></ul>",
        "Officials said the talks covered maritime safety, trade and people-to-people exchanges, and agreed to meet again next quarter.",
        "<div>The Treasury Department&#8217;s Office of Foreign Assets Control designated six entities and two individuals.<br/>Read the full statement.</div>",
        "<p>新华社消息，双方就共同关心的国际和地区问题深入交换了意见。</p>",
    ];

    public static bool NotModifiedFeed(int feed, double share) => Unit(feed) < share;

    /// <summary>A well-mixed number in [0, 1) for a feed, so the 304 share does not line up with the host a feed is on.</summary>
    static double Unit(int feed)
    {
        var x = (uint)feed * 2654435761u;
        x ^= x >> 15;
        x *= 2246822519u;
        x ^= x >> 13;
        return x / 4294967296.0;
    }

    public static string Host(int feed, int hosts) => $"127.0.0.{1 + feed % hosts}";

    public static string FeedId(int feed) => $"farm-{feed:D5}";

    public static string ETag(int feed, int version) => $"\"f{feed}-v{version}\"";

    public static DateTimeOffset Modified(int version) => Epoch.AddMinutes(10 * version);

    public static byte[] Rss(int feed, int version)
    {
        var b = new StringBuilder(12 * 1024);
        var lang = (feed % 4) switch { 0 => "zh-cn", 1 => "en-us", 2 => "ja", _ => "ko" };
        b.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
         .Append("<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n")
         .Append("<title>Farm outlet ").Append(feed).Append(" 新闻</title>\n")
         .Append("<link>https://outlet").Append(feed % 97).Append(".example.com/</link>\n")
         .Append("<description>Synthetic feed ").Append(feed).Append(" for the BorderAlerts feed farm</description>\n")
         .Append("<language>").Append(lang).Append("</language>\n")
         .Append("<lastBuildDate>").Append(Modified(version).ToString("R", CultureInfo.InvariantCulture)).Append("</lastBuildDate>\n");
        for (int k = version; k > version - ItemsPerFeed; k--)
        {
            var title = Titles[(feed + k) % Titles.Length];
            var text = Texts[(feed * 7 + k) % Texts.Length];
            var link = $"https://outlet{feed % 97}.example.com/news/{feed}/{k}.html" + (k % 3 == 0 ? "?utm_source=rss&utm_medium=feed" : "");
            b.Append("<item>\n<title>").Append(SecurityElement.Escape($"{title}（{k}）")).Append("</title>\n")
             .Append("<link>").Append(SecurityElement.Escape(link)).Append("</link>\n");
            if (feed % 2 == 0) b.Append("<guid isPermaLink=\"false\">farm-").Append(feed).Append('-').Append(k).Append("</guid>\n");
            else b.Append("<guid isPermaLink=\"true\">").Append(SecurityElement.Escape(link)).Append("</guid>\n");
            b.Append("<pubDate>").Append(Modified(k).ToString("R", CultureInfo.InvariantCulture)).Append("</pubDate>\n")
             .Append("<dc:creator>Farm Desk</dc:creator>\n")
             .Append("<description>").Append(SecurityElement.Escape(text)).Append("</description>\n</item>\n");
        }
        b.Append("</channel>\n</rss>\n");
        return Encoding.UTF8.GetBytes(b.ToString());
    }
}
