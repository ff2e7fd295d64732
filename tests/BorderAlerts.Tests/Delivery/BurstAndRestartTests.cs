using System.Text.Json;
using BorderAlerts.Tests.Infrastructure;

namespace BorderAlerts.Tests.Delivery;

/// <summary>Bursts, crashes and restarts: nothing lost, nothing sent twice, no 429 provoked.</summary>
public sealed class BurstAndRestartTests(FeedServer feeds, FakeDiscord discord) : IClassFixture<FeedServer>, IClassFixture<FakeDiscord>
{
    async Task<DeliveryHarness> Start(string webhookId, params (string, string)[] more) => await DeliveryHarness.StartAsync(
        [("Destinations:main:Type", "discord-webhook"), ("Destinations:main:Url", discord.WebhookUrl(webhookId).ToString()), .. more]);

    [Fact]
    public async Task A_1000_alert_burst_arrives_complete_in_order_without_a_single_429()
    {
        await using var harness = await Start("burst");
        var report = await harness.PollAsync(feeds.Serve(Responses.Bytes(DeliveryHarness.Stories(1000, seed: 10), "application/rss+xml")));
        Assert.Equal(1000, report.Alerts.Count);

        await harness.DeliverAllAsync(TimeSpan.FromMinutes(5));

        var messages = discord.Messages.Where(m => m.WebhookId == "burst").ToList();
        Assert.Equal(0, discord.TooManyRequests);
        Assert.Empty(discord.Rejected);
        Assert.Equal(100, messages.Count);
        var alertIds = messages.SelectMany(m => m.Embeds).Select(e => long.Parse(e.GetProperty("footer").GetProperty("text").GetString()!.Split(' ')[^1])).ToList();
        Assert.Equal(1000, alertIds.Distinct().Count());
        Assert.Equal(alertIds.Order(), alertIds);
    }

    [Fact]
    public async Task Alerts_stored_before_a_crash_are_delivered_after_the_restart_and_only_once()
    {
        await using var harness = await Start("restart");
        await harness.PollAsync(feeds.Serve(Responses.Bytes(DeliveryHarness.Stories(4, seed: 11), "application/rss+xml")));

        await harness.RestartAsync(); // killed between storing and delivering
        await harness.DeliverAllAsync();
        await harness.RestartAsync(); // killed after sending
        await harness.Pipeline.DeliverAsync();

        var message = Assert.Single(discord.Messages, m => m.WebhookId == "restart");
        Assert.Equal(4, message.EmbedCount);
    }

    [Fact]
    public async Task A_claim_left_by_a_dead_process_is_taken_over_when_its_lease_ends()
    {
        await using var harness = await Start("lease");
        await harness.PollAsync(feeds.Serve(Responses.Bytes(DeliveryHarness.Stories(2, seed: 12), "application/rss+xml")));
        await harness.Pipeline.Database.ExecuteAsync($"UPDATE deliveries SET lease_until = {DateTimeOffset.UtcNow.AddMinutes(2).ToUnixTimeMilliseconds()}");

        Assert.Equal(0, await harness.Pipeline.DeliverAsync()); // still leased by the "dead" process
        await harness.Pipeline.Database.ExecuteAsync("UPDATE deliveries SET lease_until = 1"); // the lease has run out
        await harness.DeliverAllAsync();
        Assert.Equal(2, discord.Messages.Where(m => m.WebhookId == "lease").Sum(m => m.EmbedCount));
    }

    [Fact]
    public async Task A_flooding_rule_turns_into_a_digest_that_says_so()
    {
        await using var harness = await Start("flood", ("Delivery:FloodBudget", "3"));
        await harness.PollAsync(feeds.Serve(Responses.Bytes(DeliveryHarness.Stories(12, seed: 13), "application/rss+xml")));
        await harness.DeliverAllAsync();

        var message = Assert.Single(discord.Messages, m => m.WebhookId == "flood");
        var embed = Assert.Single(message.Embeds);
        Assert.Equal("Digest: Border trade (12 alerts)", embed.GetProperty("title").GetString());
        Assert.Contains("is busy", embed.GetProperty("footer").GetProperty("text").GetString());
        Assert.Equal(12, embed.GetProperty("description").GetString()!.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task The_same_story_from_a_second_outlet_is_a_quiet_reply_not_a_new_card()
    {
        await using var harness = await Start("story");
        var first = DeliveryHarness.Stories(1, seed: 14, outlet: "kyodo");
        var second = DeliveryHarness.Stories(1, seed: 14, outlet: "cankao"); // same words, another outlet and address
        await harness.PollAsync(feeds.Serve(Responses.Bytes(first, "application/rss+xml")), "kyodo-zh-hans");
        await harness.DeliverAllAsync();
        await harness.PollAsync(feeds.Serve(Responses.Bytes(second, "application/rss+xml")), "cankaoxiaoxi");
        await harness.DeliverAllAsync();

        var messages = discord.Messages.Where(m => m.WebhookId == "story").ToList();
        Assert.Equal(2, messages.Count);
        Assert.Equal(1, messages[0].EmbedCount);
        Assert.Equal(0, messages[1].EmbedCount);
        Assert.StartsWith("↳ Also reported by **cankaoxiaoxi**", messages[1].Content);
        Assert.Equal(4096, messages[1].Json.GetProperty("flags").GetInt32()); // no notification for the follow-up
        Assert.Equal(1, await harness.Pipeline.Database.CountAsync("stories"));
    }
    [Fact]
    public async Task A_flood_of_story_lines_goes_into_the_rules_digest_not_one_message_each()
    {
        await using var harness = await Start("story-flood", ("Delivery:FloodBudget", "3"));
        await harness.PollAsync(feeds.Serve(Responses.Bytes(DeliveryHarness.Stories(1, seed: 15, outlet: "kyodo"), "application/rss+xml")), "kyodo-zh-hans");
        await harness.DeliverAllAsync();
        foreach (var outlet in Enumerable.Range(1, 8).Select(n => $"outlet{n}")) // eight re-reports in one pass
            await harness.PollAsync(feeds.Serve(Responses.Bytes(DeliveryHarness.Stories(1, seed: 15, outlet: outlet), "application/rss+xml")), outlet);
        await harness.DeliverAllAsync();

        var messages = discord.Messages.Where(m => m.WebhookId == "story-flood").ToList();
        Assert.Equal(2, messages.Count); // the card, then one digest
        Assert.Equal(1, await harness.Pipeline.Database.CountAsync("stories"));
        var digest = Assert.Single(messages[1].Embeds);
        Assert.Equal("Digest: Border trade (8 alerts)", digest.GetProperty("title").GetString());
        Assert.Equal(8, digest.GetProperty("description").GetString()!.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }
}

/// <summary>Seeding is per feed, identity is global: a story a new feed seeded a minute ago is still news to a seeded feed.</summary>
public sealed class CrossFeedSeedingTests(FeedServer feeds) : IClassFixture<FeedServer>
{
    [Fact]
    public async Task An_item_first_seen_by_another_feeds_seeding_poll_alerts_when_a_seeded_feed_sees_it()
    {
        await using var harness = await DeliveryHarness.StartAsync(("Destinations:main:Type", "console"));
        var old = DeliveryHarness.Stories(1, seed: 50, outlet: "state");
        var fresh = FeedXml.Rss("state", [new Entry("丹东口岸对朝制裁执行情况", "https://state.example/news/fresh.html")]);
        var running = feeds.Serve(Responses.Bytes(old, "application/rss+xml"));
        await harness.Pipeline.PollOneAsync(Feeds.Rss("state-press-releases", running, "en")); // seeds
        var added = feeds.Serve(Responses.Bytes(fresh, "application/rss+xml"));

        var seeding = await harness.Pipeline.PollOneAsync(Feeds.Rss("state-east-asia-pacific", added, "en")); // new feed, first poll
        feeds.Answer(running, Responses.Bytes(fresh, "application/rss+xml"));
        var seen = await harness.Pipeline.PollOneAsync(Feeds.Rss("state-press-releases", running, "en"));

        Assert.Empty(seeding.Alerts);
        Assert.Single(seen.Alerts);
        Assert.Equal(1, await harness.Pipeline.Database.CountAsync("items", "alertable"));
    }
}
