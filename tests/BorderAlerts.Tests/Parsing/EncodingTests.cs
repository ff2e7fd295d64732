using BorderAlerts.Core.Storage;
using BorderAlerts.Tests.Infrastructure;

namespace BorderAlerts.Tests.Parsing;

/// <summary>
/// Legacy CJK encodings and lying declarations, served over HTTP with the Content-Type each row names. Whatever the
/// labels say, the stored text must be the text the publisher wrote, with no replacement characters.
/// </summary>
public sealed class EncodingTests(FeedServer server) : IClassFixture<FeedServer>
{
    const string KoreanTitle = "中 단둥 세관, 北 석탄 밀수 조직 적발";

    public static TheoryData<string, string, string, string, string> Cases => new()
    {
        // situation, fixture, Content-Type sent, feed language, expected first title
        { "HTTP says utf-8 but the bytes and the XML declaration are EUC-KR", "legacy/yonhap_ko.euc-kr.xml", "application/rss+xml; charset=utf-8", "ko", KoreanTitle },
        { "HTTP says iso-8859-1 but the body is UTF-8 Korean", "legacy/yonhap_ko_undeclared.utf-8.xml", "application/rss+xml; charset=iso-8859-1", "ko", KoreanTitle },
        { "HTTP says nothing; the XML declaration says euc-kr", "legacy/yonhap_ko.euc-kr.xml", "application/rss+xml", "ko", KoreanTitle },
        { "HTTP says EUC-KR and is right", "legacy/yonhap_ko.euc-kr.xml", "text/xml; charset=EUC-KR", "ko", KoreanTitle },
        { "HTTP uses the ks_c_5601-1987 alias", "legacy/yonhap_ko.euc-kr.xml", "text/xml; charset=ks_c_5601-1987", "ko", KoreanTitle },
        { "nothing declared anywhere; the feed's language picks EUC-KR", "legacy/yonhap_ko_undeclared.euc-kr.xml", "application/xml", "ko", KoreanTitle },
        { "Big5 declared in XML", "legacy/cna_zh-hant.big5.xml", "application/rss+xml", "zh-Hant", "北韓煤炭經丹東走私 聯合國制裁小組點名中國貿易商" },
        { "GB2312 declared, GBK-only 喆 inside", "legacy/dandong_zh-hans.gb2312.xml", "application/rss+xml", "zh-Hans", "丹东海关查获走私朝鲜海产品 涉案企业负责人王喆被刑拘" },
        { "GB2312 declared in HTTP, GBK-only 喆 inside", "legacy/dandong_zh-hans.gb2312.xml", "text/xml; charset=gb2312", "zh-Hans", "丹东海关查获走私朝鲜海产品 涉案企业负责人王喆被刑拘" },
        // The ideographic space in the headline collapses to an ordinary space, as all feed whitespace does.
        { "Shift_JIS declared in XML", "legacy/nhk_ja.shift_jis.xml", "application/rss+xml", "ja", "北朝鮮への石炭密輸か 中国・丹東の貿易会社を捜査" },
        { "EUC-JP declared in XML", "legacy/asahi_ja.euc-jp.xml", "application/rss+xml", "ja", "北朝鮮産石炭、新義州から瀋陽経由で密輸か 国連制裁委が調査" },
        { "feedparser's EUC-KR item with only a description", "realfeeds/feedparser_euc-kr-item.xml", "application/rss+xml", "ko", "년" },
    };

    [Theory, MemberData(nameof(Cases))]
    public async Task A_feed_is_stored_as_the_text_its_publisher_wrote_whatever_its_labels_say(
        string situation, string fixture, string contentType, string language, string firstTitle)
    {
        using var folder = new TempFolder();
        await using var pipeline = await Pipeline.StartAsync(folder);
        var url = server.Serve(Responses.Fixture(fixture, contentType), Path.GetFileName(fixture));

        var report = await pipeline.PollOneAsync(Feeds.Rss("legacy", url, language));

        Assert.True(report.Status == PollStatus.Fetched, $"{situation}: {report.Error}");
        var items = await pipeline.Database.ItemsAsync();
        Assert.Equal(firstTitle, items[0].Title);
        Assert.All(items, i => Assert.DoesNotContain('\uFFFD', i.Title));
        Assert.All(items, i => Assert.DoesNotMatch("[ÃÂ¿½]", i.Title));
    }

    [Fact]
    public async Task Korean_text_under_a_wrong_utf8_label_is_searchable_as_Korean_in_the_store()
    {
        using var folder = new TempFolder();
        await using var pipeline = await Pipeline.StartAsync(folder);
        var url = server.Serve(Responses.Fixture("legacy/yonhap_ko.euc-kr.xml", "application/rss+xml; charset=utf-8"));

        await pipeline.PollOneAsync(Feeds.Rss("yonhap-nk", url, "ko", "Asia/Seoul"));

        Assert.Equal(1, await pipeline.Database.CountAsync("items", "text LIKE '%대북 제재를 어기고 북한산 무연탄%'"));
        Assert.Equal(1, await pipeline.Database.CountAsync("items", "title LIKE '%신의주%'"));
    }
}
