using BorderAlerts.Core.Delivery;
using BorderAlerts.Tests.Infrastructure;

namespace BorderAlerts.Tests.Delivery;

/// <summary>A destination that throws something no one planned for (a bug, a setting the sink cannot use) ends its cards' delivery with an outcome; nothing stays claimed.</summary>
public sealed class UnexpectedSinkFailureTests(FeedServer feeds) : IClassFixture<FeedServer>
{
    [Fact]
    public async Task A_destination_that_throws_unexpectedly_dead_letters_its_cards_and_tells_the_admin_instead_of_failing_the_pass()
    {
        var broken = ScriptedSink.Throwing(new NotSupportedException("The SMTP server does not support authentication."));
        var admins = ScriptedSink.Delivering();
        using var folder = new TempFolder();
        File.WriteAllText(folder.RulesYaml, """
            rules:
              - id: border-trade
                name: Border trade
                query: 丹东 OR Dandong
                to: [main]
            """);
        await using var pipeline = await Pipeline.StartAsync(folder, ScriptedDestinations.Over(new Dictionary<string, IChatSink> { ["main"] = broken, ["admins"] = admins }),
            ("Destinations:main:Type", "console"), ("Destinations:admins:Type", "console"), ("AdminDestination", "admins"), ("Delivery:FloodBudget", "0"));
        await pipeline.PollOneAsync(Feeds.Rss("kyodo-zh-hans", feeds.Serve(Responses.Bytes(DeliveryHarness.Stories(2, seed: 41), "application/rss+xml")),
            "zh-Hans", "Asia/Tokyo", backfill: true));

        await pipeline.DeliverAsync();

        Assert.Single(broken.Sent);
        Assert.Equal(2, await pipeline.Database.CountAsync("deliveries", "status = 'dead' AND last_error LIKE 'unexpected NotSupportedException%'"));
        Assert.Contains(admins.Sent, m => m is ChatMessage.Notice { Text: var text } && text.Contains("'main' refused an alert (unexpected NotSupportedException"));
    }
}
