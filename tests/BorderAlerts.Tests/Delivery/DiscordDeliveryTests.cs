using System.Text.Json;
using BorderAlerts.Tests.Infrastructure;

namespace BorderAlerts.Tests.Delivery;

/// <summary>End to end: loopback feed, poll, match, outbox, delivery to a fake Discord that enforces the real contract.</summary>
public sealed class DiscordDeliveryTests(FeedServer feeds, FakeDiscord discord) : IClassFixture<FeedServer>, IClassFixture<FakeDiscord>
{
    async Task<DeliveryHarness> Start(string webhookId, params (string, string)[] more) => await DeliveryHarness.StartAsync(
        [("Destinations:main:Type", "discord-webhook"), ("Destinations:main:Url", discord.WebhookUrl(webhookId).ToString()), .. more]);

    [Fact]
    public async Task New_alerts_arrive_as_one_batched_message_with_cards_and_no_mentions()
    {
        await using var harness = await Start("e2e");
        var url = feeds.Serve(Responses.Bytes(DeliveryHarness.Stories(3), "application/rss+xml"));
        var report = await harness.PollAsync(url);
        await harness.DeliverAllAsync();

        Assert.Equal(3, report.Alerts.Count);
        var message = Assert.Single(discord.Messages, m => m.WebhookId == "e2e");
        Assert.Equal(3, message.EmbedCount);
        Assert.Equal(JsonValueKind.Array, message.Json.GetProperty("allowed_mentions").GetProperty("parse").ValueKind);
        Assert.Equal(0, message.Json.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
        Assert.Empty(discord.Rejected);
        Assert.Equal(3, await harness.Pipeline.Database.CountAsync("deliveries", $"status = 'sent' AND message_id = '{message.Id}'"));
    }

    [Theory]
    [InlineData("user")]
    [InlineData("global")]
    public async Task A_429_waits_the_time_asked_without_counting_an_attempt_then_delivers(string scope)
    {
        await using var harness = await Start("limited-" + scope);
        await harness.PollAsync(feeds.Serve(Responses.Bytes(DeliveryHarness.Stories(2, seed: 2), "application/rss+xml")));
        discord.Script(scope == "global" ? DiscordFault.GlobalRateLimited(0.4) : DiscordFault.RateLimited(0.4));

        Assert.Equal(0, await harness.Pipeline.DeliverAsync());
        Assert.Equal(2, await harness.Pipeline.Database.CountAsync("deliveries", "status = 'pending' AND attempts = 0 AND last_error = 'rate limited'"));
        await harness.DeliverAllAsync();
        Assert.Single(discord.Messages, m => m.WebhookId == "limited-" + scope);
    }

    [Theory]
    [InlineData("unauthorized")]
    [InlineData("forbidden")]
    [InlineData("deleted")]
    public async Task A_refusal_dead_letters_notifies_the_admin_and_causes_no_retry_storm(string fault)
    {
        var admin = discord.WebhookUrl("admin-" + fault);
        await using var harness = await Start("refused-" + fault, ("Destinations:ops:Type", "discord-webhook"), ("Destinations:ops:Url", admin.ToString()),
            ("AdminDestination", "ops"));
        await harness.PollAsync(feeds.Serve(Responses.Bytes(DeliveryHarness.Stories(3, seed: 3), "application/rss+xml")));
        if (fault == "deleted") discord.DeleteWebhook("refused-" + fault);
        else discord.Script(fault == "unauthorized" ? DiscordFault.Unauthorized : DiscordFault.Forbidden);

        for (int pass = 0; pass < 5; pass++) await harness.Pipeline.DeliverAsync();

        Assert.Equal(1, discord.Requests.Count(r => r.Path.Contains("/refused-" + fault + "/")));
        Assert.Equal(3, await harness.Pipeline.Database.CountAsync("deliveries", "status = 'dead'"));
        var notice = Assert.Single(discord.Messages, m => m.WebhookId == "admin-" + fault);
        Assert.Contains("refused", notice.Content);
        Assert.DoesNotContain("tok", notice.Content!.Replace("token", "")); // the webhook token never leaks into notices
    }

    [Fact]
    public async Task A_platform_that_does_not_answer_in_time_is_a_retryable_failure()
    {
        await using var harness = await Start("slow", ("Delivery:TimeoutSeconds", "1"));
        await harness.PollAsync(feeds.Serve(Responses.Bytes(DeliveryHarness.Stories(1, seed: 5), "application/rss+xml")));
        discord.Script(DiscordFault.Slow(TimeSpan.FromSeconds(3)));

        Assert.Equal(0, await harness.Pipeline.DeliverAsync());
        Assert.Equal(1, await harness.Pipeline.Database.CountAsync("deliveries", "status = 'pending' AND attempts = 1 AND last_error = 'Discord did not answer within 1 s'"));
    }

    [Fact]
    public async Task Server_errors_back_off_and_dead_letter_after_the_last_attempt()
    {
        await using var harness = await Start("flaky", ("Delivery:MaxAttempts", "2"));
        await harness.PollAsync(feeds.Serve(Responses.Bytes(DeliveryHarness.Stories(1, seed: 4), "application/rss+xml")));
        discord.Script(DiscordFault.ServerError, DiscordFault.BadGateway);

        await harness.Pipeline.DeliverAsync();
        Assert.Equal(1, await harness.Pipeline.Database.CountAsync("deliveries", "status = 'pending' AND attempts = 1"));
        await harness.Pipeline.Database.ExecuteAsync("UPDATE deliveries SET next_attempt_at = 0");
        await harness.Pipeline.DeliverAsync();
        Assert.Equal(1, await harness.Pipeline.Database.CountAsync("deliveries", "status = 'dead' AND attempts = 2 AND last_error LIKE 'Discord 502%'"));
    }
}

/// <summary>The bot destination: cards to a channel, later reports of a story in a thread started from the card.</summary>
public sealed class DiscordBotDeliveryTests(FeedServer feeds, FakeDiscord discord) : IClassFixture<FeedServer>, IClassFixture<FakeDiscord>
{
    [Fact]
    public async Task Later_reports_of_a_story_go_into_a_thread_started_from_its_card()
    {
        discord.AddChannel("5001");
        await using var harness = await DeliveryHarness.StartAsync(("Destinations:main:Type", "discord-bot"), ("Destinations:main:Channel", "5001"),
            ("Discord:BotToken", discord.BotToken), ("Discord:ApiBaseUrl", discord.ApiBase.ToString()));
        foreach (var (outlet, feed) in new[] { ("kyodo", "kyodo-zh-hans"), ("cankao", "cankaoxiaoxi"), ("yonhap", "yonhap") })
        {
            await harness.PollAsync(feeds.Serve(Responses.Bytes(DeliveryHarness.Stories(1, seed: 30, outlet: outlet), "application/rss+xml")), feed);
            await harness.DeliverAllAsync();
        }

        var thread = Assert.Single(discord.Threads);
        var card = Assert.Single(discord.Messages, m => m.ChannelId == "5001" && m.ThreadId is null);
        Assert.Equal(card.Id, thread.Id);
        Assert.Equal(2, discord.Messages.Count(m => m.ChannelId == thread.Id || m.ThreadId == thread.Id));
        Assert.Empty(discord.Rejected);
    }

    [Fact]
    public async Task A_later_report_whose_card_was_deleted_arrives_as_a_card_and_the_destination_keeps_working()
    {
        discord.AddChannel("5002");
        await using var harness = await DeliveryHarness.StartAsync(("Destinations:main:Type", "discord-bot"), ("Destinations:main:Channel", "5002"),
            ("Discord:BotToken", discord.BotToken), ("Discord:ApiBaseUrl", discord.ApiBase.ToString()));
        await harness.PollAsync(feeds.Serve(Responses.Bytes(DeliveryHarness.Stories(1, seed: 31, outlet: "kyodo"), "application/rss+xml")), "kyodo-zh-hans");
        await harness.DeliverAllAsync();
        var card = Assert.Single(discord.Messages, m => m.ChannelId == "5002");
        discord.DeleteMessage(card.Id);

        await harness.PollAsync(feeds.Serve(Responses.Bytes(DeliveryHarness.Stories(1, seed: 31, outlet: "cankao"), "application/rss+xml")), "cankaoxiaoxi");
        await harness.DeliverAllAsync();
        await harness.PollAsync(feeds.Serve(Responses.Bytes(DeliveryHarness.Stories(2, seed: 32), "application/rss+xml")), "yonhap");
        await harness.DeliverAllAsync();

        Assert.DoesNotContain(discord.Threads, t => t.ParentChannelId == "5002");
        var inChannel = discord.Messages.Where(m => m.ChannelId == "5002" && m.ThreadId is null).ToList();
        Assert.Equal([1, 1, 2], inChannel.Select(m => m.EmbedCount)); // the first card, the report as a card, the two new stories
        Assert.Equal(0, await harness.Pipeline.Database.CountAsync("deliveries", "status <> 'sent'"));
    }
}
