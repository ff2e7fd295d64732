using BorderAlerts.Core.Storage;
using BorderAlerts.Tests.Infrastructure;

namespace BorderAlerts.Tests.Parsing;

/// <summary>Feeds captured from real publishers (Fixtures/realfeeds), polled end to end.</summary>
public sealed class RealFeedTests(FeedServer server) : IClassFixture<FeedServer>
{
    public static TheoryData<string, string, string, int, int, string?> Feeds => new()
    {
        // fixture, language, zone, items stored, items with a date, first title (null: the source's own text is mojibake)
        { "realfeeds/indianexpress_world_2017-01-07.rss.xml", "en", "Asia/Kolkata", 200, 200, "China takes global lead in clean energy: Report" },
        { "realfeeds/japantimes_2017-01-08.rss.xml", "en", "Asia/Tokyo", 118, 0, "‘Trump shock’ after Toyota tweet reverberates as Japan business community reacts with concern" },
        { "realfeeds/iso-8859-1_intranet30.rss.xml", "sv", "Europe/Stockholm", 30, 30, "SVART MÅNAD - DÖDSOLYCKA i Vetlanda" },
        { "realfeeds/yandex_ru_cyrillic.rss.xml", "ru", "Europe/Moscow", 15, 15, null },
        { "realfeeds/techdaily_ko_channel_fragment.xml", "ko", "Asia/Seoul", 1, 1, "“아시아, 작년 한 해 사이버 공격 가장 많이 받아”" },
    };

    [Theory, MemberData(nameof(Feeds))]
    public async Task A_real_feed_is_stored_item_for_item(string fixture, string language, string zone, int items, int dated, string? firstTitle)
    {
        using var folder = new TempFolder();
        await using var pipeline = await Pipeline.StartAsync(folder);
        var url = server.Serve(Responses.Fixture(fixture), Path.GetFileName(fixture));

        var report = await pipeline.PollOneAsync(Infrastructure.Feeds.Rss("real", url, language, zone));

        Assert.True(report.Status == PollStatus.Fetched, report.Error);
        var stored = await pipeline.Database.ItemsAsync();
        Assert.Equal(items, stored.Count);
        Assert.Equal(dated, stored.Count(i => i.Published is not null));
        if (firstTitle is not null) Assert.Equal(firstTitle, stored[0].Title);
    }

    [Fact]
    public async Task A_Korean_CMS_date_without_an_offset_is_read_in_the_feeds_zone()
    {
        using var folder = new TempFolder();
        await using var pipeline = await Pipeline.StartAsync(folder);
        var url = server.Serve(Responses.Fixture("realfeeds/techdaily_ko_channel_fragment.xml"));

        await pipeline.PollOneAsync(Infrastructure.Feeds.Rss("techdaily", url, "ko", "Asia/Seoul"));

        // <pubDate>2022-02-28 19:17:53</pubDate> in Seoul (+09:00)
        Assert.Equal(DateTimeOffset.Parse("2022-02-28T10:17:53Z"), Assert.Single(await pipeline.Database.ItemsAsync()).Published);
    }
}
