using BorderAlerts.Tests.Infrastructure;

namespace BorderAlerts.Tests.Delivery;

/// <summary>Delivery to a fake Slack that enforces chat.postMessage's contract, its one-message-a-second limit and webhook errors.</summary>
public sealed class SlackDeliveryTests(FeedServer feeds, FakeSlack slack) : IClassFixture<FeedServer>, IClassFixture<FakeSlack>
{
    Task<DeliveryHarness> Bot(string channel, params (string, string)[] more)
    {
        slack.AddChannel(channel);
        return DeliveryHarness.StartAsync([("Destinations:main:Type", "slack"), ("Destinations:main:Channel", channel),
            ("Slack:BotToken", slack.BotToken), ("Slack:ApiBaseUrl", slack.ApiBase.ToString()), .. more]);
    }

    [Fact]
    public async Task Cards_are_posted_five_to_a_message_at_one_message_a_second_without_a_429()
    {
        await using var harness = await Bot("C-BATCH");
        await harness.PollAsync(feeds.Serve(Responses.Bytes(DeliveryHarness.Stories(12, seed: 20), "application/rss+xml")));
        await harness.DeliverAllAsync();

        var messages = slack.Messages.Where(m => m.Channel == "C-BATCH").ToList();
        Assert.Equal(3, messages.Count);
        Assert.Equal(0, slack.TooManyRequests);
        Assert.Empty(slack.Rejected);
        Assert.All(messages, m => Assert.False(string.IsNullOrEmpty(m.Text))); // the notification fallback is always sent
        Assert.Equal(3, (await harness.Pipeline.Database.CountAsync("deliveries", "status = 'sent' AND message_id LIKE '%.%'")) / 4);
    }

    [Fact]
    public async Task Ratelimited_is_retried_after_the_wait_without_counting_an_attempt()
    {
        await using var harness = await Bot("C-LIMIT");
        await harness.PollAsync(feeds.Serve(Responses.Bytes(DeliveryHarness.Stories(1, seed: 21), "application/rss+xml")));
        slack.Script(SlackFault.RateLimited(1));

        Assert.Equal(0, await harness.Pipeline.DeliverAsync());
        Assert.Equal(1, await harness.Pipeline.Database.CountAsync("deliveries", "status = 'pending' AND attempts = 0"));
        await harness.DeliverAllAsync();
        Assert.Single(slack.Messages, m => m.Channel == "C-LIMIT");
    }

    [Theory]
    [InlineData("channel_not_found")]
    [InlineData("not_in_channel")]
    [InlineData("invalid_auth")]
    public async Task Refusals_are_dead_lettered_with_the_error_recorded(string error)
    {
        await using var harness = await Bot("C-" + error);
        await harness.PollAsync(feeds.Serve(Responses.Bytes(DeliveryHarness.Stories(2, seed: 22), "application/rss+xml")));
        slack.Script(error switch { "channel_not_found" => SlackFault.ChannelNotFound, "not_in_channel" => SlackFault.NotInChannel, _ => SlackFault.InvalidAuth });
        var before = slack.Requests.Count(r => r.Path.EndsWith("chat.postMessage"));

        for (int pass = 0; pass < 3; pass++) await harness.Pipeline.DeliverAsync();

        Assert.Equal(2, await harness.Pipeline.Database.CountAsync("deliveries", $"status = 'dead' AND last_error = 'Slack 200 {error}'"));
        Assert.Equal(before + 1, slack.Requests.Count(r => r.Path.EndsWith("chat.postMessage"))); // the destination rests: no retry storm
    }

    [Theory]
    [InlineData(SlackHookStatus.Archived, "Slack 410 channel_is_archived")]
    [InlineData(SlackHookStatus.Prohibited, "Slack 403 action_prohibited")]
    public async Task Webhook_plain_text_errors_are_read_and_recorded(SlackHookStatus status, string recorded)
    {
        var hook = slack.AddWebhook($"T1/B1/{status}", status: status);
        await using var harness = await DeliveryHarness.StartAsync(("Destinations:main:Type", "slack-webhook"), ("Destinations:main:Url", hook.ToString()));
        await harness.PollAsync(feeds.Serve(Responses.Bytes(DeliveryHarness.Stories(1, seed: 23), "application/rss+xml")));
        await harness.Pipeline.DeliverAsync();
        Assert.Equal(1, await harness.Pipeline.Database.CountAsync("deliveries", $"status = 'dead' AND last_error = '{recorded}'"));
    }

    [Fact]
    public async Task A_later_report_of_the_story_goes_into_the_cards_thread()
    {
        await using var harness = await Bot("C-STORY");
        await harness.PollAsync(feeds.Serve(Responses.Bytes(DeliveryHarness.Stories(1, seed: 24, outlet: "kyodo"), "application/rss+xml")), "kyodo-zh-hans");
        await harness.DeliverAllAsync();
        await harness.PollAsync(feeds.Serve(Responses.Bytes(DeliveryHarness.Stories(1, seed: 24, outlet: "cankao"), "application/rss+xml")), "cankaoxiaoxi");
        await harness.DeliverAllAsync();

        var messages = slack.Messages.Where(m => m.Channel == "C-STORY").ToList();
        Assert.Equal(2, messages.Count);
        Assert.Null(messages[0].ThreadTs);
        Assert.Equal(messages[0].Ts, messages[1].ThreadTs);
    }
}
