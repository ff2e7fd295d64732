using BorderAlerts.Core.Delivery;
using BorderAlerts.Tests.Delivery;
using BorderAlerts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlerts.Tests.ScaleOut;

/// <summary>
/// The outbox shared by several instances: each alert reaches Discord once whichever instance delivers it, and
/// deliveries claimed by an instance that died are sent by another once the claim's lease ends.
/// </summary>
public sealed class ScaleOutDeliveryTests(FeedServer feeds, FakeDiscord discord) : IClassFixture<FeedServer>, IClassFixture<FakeDiscord>
{
    const string Rules = """
        rules:
          - id: border-trade
            name: Border trade
            query: 丹东 OR Dandong
            severity: high
            to: [main]
        """;

    Task<Instances> Start(int count, string webhookId) => Instances.StartAsync(count, Rules, ("Delivery:FloodBudget", "0"),
        ("Destinations:main:Type", "discord-webhook"), ("Destinations:main:Url", discord.WebhookUrl(webhookId).ToString()));

    static Task PollAsync(Pipeline instance, Uri url) =>
        instance.PollOneAsync(Feeds.Rss("kyodo-zh-hans", url, "zh-Hans", "Asia/Tokyo", backfill: true));

    [PostgresTheory, InlineData(2), InlineData(3)]
    public async Task Instances_delivering_at_once_send_each_alert_once(int count)
    {
        var webhook = $"scale-{count}";
        await using var instances = await Start(count, webhook);
        await PollAsync(instances.All[0], feeds.Serve(Responses.Bytes(DeliveryHarness.Stories(60, seed: 60 + count), Responses.Rss)));

        await instances.DeliverTogetherAsync();

        var embeds = discord.Messages.Where(m => m.WebhookId == webhook).SelectMany(m => m.Embeds)
            .Select(e => e.GetProperty("footer").GetProperty("text").GetString()!.Split(' ')[^1]).ToList();
        Assert.Equal(60, embeds.Count);
        Assert.Equal(60, embeds.Distinct().Count());
        Assert.Empty(discord.Rejected);
        Assert.Equal(60, await instances.All[0].Database.CountAsync("deliveries", "status = 'sent' AND lease_until IS NULL"));
    }

    [PostgresFact]
    public async Task Deliveries_claimed_by_an_instance_that_died_are_sent_by_another_when_the_lease_ends()
    {
        await using var instances = await Start(2, "scale-dead");
        var (dead, live) = (instances.All[0], instances.All[1]);
        await PollAsync(dead, feeds.Serve(Responses.Bytes(DeliveryHarness.Stories(3, seed: 70), Responses.Rss)));
        var claimed = await dead.Services.GetRequiredService<IOutboxStore>().ClaimAsync(DateTimeOffset.UtcNow, 10, TimeSpan.FromSeconds(2), CancellationToken.None);

        var whileLeased = await live.DeliverAsync();
        await Eventually.TrueAsync(async () => await live.DeliverAsync() == 3, "the live instance has sent what the dead one claimed");

        Assert.Equal(3, claimed.Count);
        Assert.Equal(0, whileLeased);
        var message = Assert.Single(discord.Messages, m => m.WebhookId == "scale-dead");
        Assert.Equal(3, message.EmbedCount);
    }
}
