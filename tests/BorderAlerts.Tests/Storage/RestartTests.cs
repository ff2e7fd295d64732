using BorderAlerts.Core.Storage;
using BorderAlerts.Tests.Infrastructure;

namespace BorderAlerts.Tests.Storage;

/// <summary>
/// Polling again and restarting (a new container and a new SqliteDatabase on the same file, migrated again) neither
/// loses nor duplicates anything, and the feed's state (validators, seeding) survives.
/// </summary>
public sealed class RestartTests(FeedServer server) : IClassFixture<FeedServer>
{
    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task Re_polling_and_restarting_neither_lose_nor_duplicate_items(Store store)
    {
        using var folder = new TempFolder(store);
        var story = FeedXml.Story(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(9)));
        var kyodo = server.Serve(Responses.Bytes(FeedXml.Rss("共同网", Enumerable.Range(1, 20).Select(story)), Responses.Rss));
        var cankao = server.Serve(Responses.Fixture("outlets/cankaoxiaoxi_diyi_list.json", Responses.Json), "list.json");
        var feeds = new[] { Feeds.Rss("kyodo-zh-hans", kyodo, "zh-Hans", "Asia/Tokyo"), Feeds.CankaoJson("cankaoxiaoxi", cankao) };

        await using (var before = await Pipeline.StartAsync(folder))
        {
            Assert.Equal(25, (await before.PollAsync(feeds)).NewItems);
            Assert.Equal(0, (await before.PollAsync(feeds)).NewItems);
        }

        server.Answer(kyodo, Responses.Bytes(FeedXml.Rss("共同网", Enumerable.Range(0, 21).Select(story)), Responses.Rss));
        await using var after = await Pipeline.StartAsync(folder);
        var summary = await after.PollAsync(feeds);

        Assert.Equal(1, summary.NewItems);
        var fresh = Assert.Single(summary.Reports.SelectMany(r => r.Stored));
        Assert.Equal(story(0).Title, fresh.Item.Title);
        Assert.True(fresh.Alertable, "the feed was seeded before the restart, so its new item may alert");
        Assert.Equal(26, await after.Database.CountAsync("items"));
        Assert.Equal(26, await after.Database.CountAsync("sightings"));
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task A_restarted_poller_still_sends_the_stored_ETag(Store store)
    {
        using var folder = new TempFolder(store);
        var url = server.Serve(Responses.Fixture("outlets/state_press-releases.rss.xml", etag: "W/\"state-press-1130\""));
        var feed = Feeds.Rss("state-press-releases", url, "en", "America/New_York");
        await using (var before = await Pipeline.StartAsync(folder)) await before.PollOneAsync(feed);

        await using var after = await Pipeline.StartAsync(folder);
        var report = await after.PollOneAsync(feed);

        Assert.Equal(PollStatus.NotModified, report.Status);
        Assert.Equal("W/\"state-press-1130\"", server.RequestsTo(url)[^1].IfNoneMatch);
        Assert.Equal(4, await after.Database.CountAsync("items"));
    }
}
