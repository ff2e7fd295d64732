using BorderAlerts.Tests.Infrastructure;

namespace BorderAlerts.Tests.Delivery;

/// <summary>An item that several rules match is one card per destination, led by the most severe rule and naming the rest.</summary>
public sealed class AllRulesOnOneCardTests(FeedServer server) : IClassFixture<FeedServer>
{
    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task One_card_names_every_rule_the_item_matched_with_the_most_severe_first(Store store)
    {
        using var folder = new TempFolder(store);
        File.WriteAllText(folder.RulesYaml, """
            rules:
              - id: dprk-smuggling
                query: smuggling
                severity: high
              - id: dandong-any
                query: Dandong
                severity: low
              - id: dprk-designation
                query: designated
                severity: critical
            """);
        await using var pipeline = await Pipeline.StartAsync(folder);
        var url = server.Serve(Responses.Bytes(FeedXml.Rss("state", [new Entry("Treasury designated a Dandong smuggling ring", "https://state.example/1")]), Responses.Rss));

        var report = await pipeline.PollOneAsync(Feeds.Rss("state", url, "en", backfill: true));
        await pipeline.DeliverAsync();

        Assert.Equal(3, report.Alerts.Count);
        var cards = pipeline.Cards.ToString();
        Assert.Single(cards.Split('\n'), line => line.StartsWith("[ALERT"));
        Assert.Contains("[ALERT CRITICAL] dprk-designation; also dprk-smuggling, dandong-any · state", cards);
    }
}
