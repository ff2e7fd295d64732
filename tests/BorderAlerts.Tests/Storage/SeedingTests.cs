using BorderAlerts.Tests.Infrastructure;

namespace BorderAlerts.Tests.Storage;

/// <summary>
/// A feed's first successful poll records its items without alerting (ADR 0001); items that appear later may alert,
/// and a rule that matches them becomes an alert stored with the item and printed as a card.
/// </summary>
public sealed class SeedingTests(FeedServer server) : IClassFixture<FeedServer>
{
    static readonly Func<int, Entry> Story = FeedXml.Story(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(9)));

    Uri Serve(int from, int to) => server.Serve(Feed(from, to));

    static Microsoft.AspNetCore.Http.RequestDelegate Feed(int from, int to) =>
        Responses.Bytes(FeedXml.Rss("共同网", Enumerable.Range(from, to - from + 1).Select(Story)), Responses.Rss);

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task A_feeds_first_poll_seeds_and_only_the_second_polls_new_items_are_alertable(Store store)
    {
        using var folder = new TempFolder(store);
        await using var pipeline = await Pipeline.StartAsync(folder);
        var url = Serve(1, 5);
        var feed = Feeds.Rss("kyodo-zh-hans", url, "zh-Hans", "Asia/Tokyo");

        var seeding = await pipeline.PollOneAsync(feed);
        server.Answer(url, Feed(0, 5));
        var next = await pipeline.PollOneAsync(feed);

        Assert.Equal(5, seeding.Stored.Count);
        Assert.All(seeding.Stored, item => Assert.False(item.Alertable));
        var fresh = Assert.Single(next.Stored);
        Assert.True(fresh.Alertable);
        Assert.Equal(Story(0).Title, fresh.Item.Title);
        Assert.Equal(1, await pipeline.Database.CountAsync("items", "alertable"));
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task A_backfilling_feed_may_alert_on_its_first_poll(Store store)
    {
        using var folder = new TempFolder(store);
        await using var pipeline = await Pipeline.StartAsync(folder);

        var report = await pipeline.PollOneAsync(Feeds.Rss("kyodo-zh-hans", Serve(1, 3), "zh-Hans", backfill: true));

        Assert.Equal(3, report.Stored.Count(i => i.Alertable));
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task A_failed_first_poll_does_not_count_as_seeding(Store store)
    {
        using var folder = new TempFolder(store);
        await using var pipeline = await Pipeline.StartAsync(folder);
        var url = server.Serve(Responses.Status(503));
        var feed = Feeds.Rss("kyodo-zh-hans", url, "zh-Hans");
        await pipeline.PollOneAsync(feed);

        server.Answer(url, Feed(1, 4));
        var first = await pipeline.PollOneAsync(feed);

        Assert.Equal(4, first.NewItems);
        Assert.All(first.Stored, item => Assert.False(item.Alertable));
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task A_matching_rule_alerts_on_new_items_after_seeding_but_never_on_the_seed(Store store)
    {
        using var folder = new TempFolder(store);
        File.WriteAllText(folder.RulesYaml, """
            rules:
              - id: dandong-cargo
                name: Cargo through Dandong
                query: 丹东 AND 新义州
                severity: high
            """);
        await using var pipeline = await Pipeline.StartAsync(folder);
        var url = Serve(1, 5);
        var feed = Feeds.Rss("kyodo-zh-hans", url, "zh-Hans", "Asia/Tokyo");

        var seeding = await pipeline.PollOneAsync(feed);
        server.Answer(url, Feed(0, 5));
        var next = await pipeline.PollOneAsync(feed);

        Assert.Empty(seeding.Alerts);
        var alert = Assert.Single(next.Alerts);
        Assert.Equal("dandong-cargo", alert.Match.RuleId);
        Assert.Equal(1, await pipeline.Database.CountAsync("alerts", $"item_id = {alert.Item.Id} AND rule_id = 'dandong-cargo'"));
        Assert.Equal(1, await pipeline.DeliverAsync());
        Assert.Contains(Story(0).Title, pipeline.Cards.ToString());
    }
}
