using Microsoft.Extensions.DependencyInjection;
using BorderAlerts.Tests.Infrastructure;

namespace BorderAlerts.Tests.Delivery;

/// <summary>An item that several rules match is one card per destination, led by the most severe rule and naming the rest with their severity.</summary>
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
        Assert.Contains("[ALERT CRITICAL] dprk-designation; also dprk-smuggling (high), dandong-any (low) · state", cards);
    }
}

/// <summary>The outbox's backlog, as /metrics shows it, read the same way on both stores.</summary>
public sealed class OutboxBacklogTests(FeedServer server) : IClassFixture<FeedServer>
{
    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task The_backlog_counts_waiting_deliveries_and_dates_the_oldest_until_they_are_sent(Store store)
    {
        using var folder = new TempFolder(store);
        File.WriteAllText(folder.RulesYaml, "rules:\n  - id: dandong\n    query: Dandong\n");
        await using var pipeline = await Pipeline.StartAsync(folder);
        var outbox = pipeline.Services.GetRequiredService<BorderAlerts.Core.Delivery.IOutboxStore>();
        var url = server.Serve(Responses.Bytes(FeedXml.Rss("s", [new Entry("Dandong one", "https://s.example/1"), new Entry("Dandong two", "https://s.example/2")]), Responses.Rss));

        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        await pipeline.PollOneAsync(Feeds.Rss("s", url, "en", backfill: true));
        var waiting = await outbox.StatsAsync(CancellationToken.None);
        await pipeline.DeliverAsync();
        var after = await outbox.StatsAsync(CancellationToken.None);

        Assert.Equal(2, waiting.Pending);
        Assert.InRange(waiting.OldestCreatedAt!.Value, before, DateTimeOffset.UtcNow);
        Assert.Equal(new BorderAlerts.Core.Delivery.OutboxStats(0, null), after);
    }
}
