using BorderAlerts.Tests.Infrastructure;

namespace BorderAlerts.Tests.Delivery;

/// <summary>
/// A platform's 429 pauses only the destination that got it, for a bounded time, and never holds a burst for the
/// flood window: the first message of a burst goes out as soon as the platform allows.
/// </summary>
public sealed class DeliveryPauseTests(FeedServer feeds, FakeDiscord discord) : IClassFixture<FeedServer>, IClassFixture<FakeDiscord>
{
    /// <summary>A pass must end: a pass stuck behind another destination's pause fails the test instead of hanging it.</summary>
    static Task<int> PassAsync(DeliveryHarness harness) => harness.Pipeline.DeliverAsync().WaitAsync(TimeSpan.FromSeconds(60));

    [Fact]
    public async Task A_burst_whose_first_send_meets_a_429_goes_out_after_the_wait_asked_not_after_the_flood_window()
    {
        await using var harness = await DeliveryHarness.StartAsync(("Destinations:main:Type", "discord-webhook"),
            ("Destinations:main:Url", discord.WebhookUrl("burst-429").ToString()), ("Delivery:FloodBudget", "30"));
        await harness.PollAsync(feeds.Serve(Responses.Bytes(DeliveryHarness.Stories(60, seed: 21), "application/rss+xml")));
        discord.Script(DiscordFault.RateLimited(0.8));

        Assert.Equal(0, await PassAsync(harness)); // the digest meets the 429
        await harness.DeliverAllAsync(TimeSpan.FromSeconds(30)); // and goes out once the 0.8 s are over

        var digests = discord.Messages.Where(m => m.WebhookId == "burst-429").Select(m => Assert.Single(m.Embeds)).ToList();
        Assert.Equal(["Digest: Border trade (25 alerts)", "Digest: Border trade (25 alerts)", "Digest: Border trade (10 alerts)"],
            digests.Select(d => d.GetProperty("title").GetString()));
        Assert.Equal(1, discord.Requests.Count(r => r.Status == 429 && r.Path.Contains("/burst-429/")));
    }

    [Fact]
    public async Task A_huge_global_429_on_one_webhook_pauses_only_that_destination_for_at_most_an_hour_and_tells_the_admin()
    {
        await using var harness = await DeliveryHarness.StartAsync(
            ("Destinations:main:Type", "discord-webhook"), ("Destinations:main:Url", discord.WebhookUrl("first").ToString()),
            ("Destinations:other:Type", "discord-webhook"), ("Destinations:other:Url", discord.WebhookUrl("second").ToString()),
            ("Destinations:ops:Type", "console"), ("AdminDestination", "ops"));
        File.WriteAllText(harness.Folder.RulesYaml, """
            rules:
              - id: border-trade
                name: Border trade
                query: 丹东 OR Dandong
                to: [main, other]
            """);
        await harness.RestartAsync();
        await harness.PollAsync(feeds.Serve(Responses.Bytes(DeliveryHarness.Stories(10, seed: 22), "application/rss+xml")));
        discord.Script(DiscordFault.GlobalRateLimited(999999));

        for (int pass = 0; pass < 3; pass++) await PassAsync(harness);

        var got = discord.Messages.GroupBy(m => m.WebhookId ?? "").ToDictionary(g => g.Key, g => g.Sum(m => m.EmbedCount));
        var (stuck, healthy) = got.ContainsKey("first") ? ("other", "first") : ("main", "second");
        Assert.Equal(10, got[healthy]); // the other webhook got every card
        Assert.Equal(1, discord.Requests.Count(r => r.Path.Contains(stuck == "main" ? "/first/" : "/second/"))); // the paused one is not asked again
        Assert.Equal(10, await harness.Pipeline.Database.CountAsync("deliveries", $"destination = '{stuck}' AND status = 'pending' AND attempts = 0"));
        long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), minute = 60_000;
        Assert.Equal(10, await harness.Pipeline.Database.CountAsync("deliveries", // the 999,999 s asked are cut to an hour
            $"destination = '{stuck}' AND next_attempt_at BETWEEN {now + 55 * minute} AND {now + 61 * minute}"));
        Assert.Contains($"'{stuck}' asked us to pause for 1 h (a global limit)", harness.Pipeline.Cards.ToString());
    }
}
