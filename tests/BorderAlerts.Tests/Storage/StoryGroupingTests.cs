using BorderAlerts.Tests.Infrastructure;

namespace BorderAlerts.Tests.Storage;

/// <summary>
/// Story grouping through the real pipeline and store, with the shipped rule pack: a re-report of one event by another
/// outlet, in another language, joins its story; distinct cases from one bulletin feed each start their own.
/// </summary>
public sealed class StoryGroupingTests(FeedServer server) : IClassFixture<FeedServer>
{
    static readonly DateTimeOffset Day = new(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(9));

    static async Task<Pipeline> StartAsync(TempFolder folder)
    {
        File.Copy(Path.Combine(AppContext.BaseDirectory, "../../../../../config/rules.yaml"), Path.Combine(folder.Config, "rules.yaml"), overwrite: true);
        return await Pipeline.StartAsync(folder);
    }

    async Task PollAsync(Pipeline pipeline, string feedId, string language, params Entry[] entries)
    {
        var url = server.Serve(Responses.Bytes(FeedXml.Rss(feedId, entries), Responses.Rss));
        await pipeline.PollOneAsync(Feeds.Rss(feedId, url, language, backfill: true));
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task The_same_seizure_reported_in_English_then_Chinese_is_one_story(Store store)
    {
        using var folder = new TempFolder(store);
        await using var pipeline = await StartAsync(folder);

        await PollAsync(pipeline, "yonhap-en", "en", new Entry("Dandong customs seize 30 tons of smuggled N. Korean seafood",
            "https://en.yna.example/1", Published: Day, Text: "Customs officers in Dandong seized 30 tons of frozen clams smuggled from Sinuiju."));
        await PollAsync(pipeline, "cankaoxiaoxi", "zh-Hans", new Entry("丹东海关查获30吨朝鲜走私海产品",
            "https://ckxx.example/2", Published: Day.AddHours(5), Text: "丹东海关近日查获从新义州走私入境的冷冻蛤蜊30吨。"));

        Assert.Equal(1, await pipeline.Database.CountAsync("stories"));
        Assert.Equal(2, await pipeline.Database.CountAsync("items", "story_id IS NOT NULL"));
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task Distinct_cases_from_one_bulletin_feed_each_start_their_own_story(Store store)
    {
        using var folder = new TempFolder(store);
        await using var pipeline = await StartAsync(folder);
        (string Place, string Goods, int Tons)[] cases = [("丹东", "煤炭", 120), ("珲春", "海产品", 45), ("丹东", "成品油", 80), ("集安口岸", "煤炭", 60)];

        await PollAsync(pipeline, "customs-bulletin", "zh-Hans", [.. cases.Select((c, i) => new Entry(
            $"{c.Place}海关查获一起涉朝走私{c.Goods}案", $"https://customs.example/case/{i}", Published: Day.AddHours(i),
            Text: $"{c.Place}海关缉私部门日前查获走私{c.Goods}{c.Tons}吨，案件编号第{2026100 + i}号，涉案货物已依法扣押。"))]);
        await PollAsync(pipeline, "customs-bulletin-2", "zh-Hans", new Entry("丹东海关查获一起涉朝走私煤炭案",
            "https://other.example/re-report", Published: Day.AddHours(6),
            Text: "丹东海关缉私部门日前查获走私煤炭120吨，案件编号第2026100号，涉案货物已依法扣押。"));

        Assert.Equal(4, await pipeline.Database.CountAsync("stories"));
        Assert.Equal(5, await pipeline.Database.CountAsync("items", "story_id IS NOT NULL"));
    }
}
