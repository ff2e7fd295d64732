using BorderAlerts.Core.Delivery;
using BorderAlerts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlerts.Tests.Storage;

/// <summary>The outbox read by message (ISentMessages): what went out together to one destination, on both stores.</summary>
public sealed class SentMessagesStoreTests(FeedServer server) : IClassFixture<FeedServer>
{
    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task The_deliveries_sent_in_one_message_are_read_back_by_destination_and_message_id_in_order(Store store)
    {
        using var folder = new TempFolder(store);
        File.WriteAllText(folder.RulesYaml, "rules:\n  - id: dandong\n    query: Dandong\n    to: [a, b]\n");
        await using var pipeline = await Pipeline.StartAsync(folder, ("Destinations:a:Type", "console"), ("Destinations:b:Type", "console"));
        var outbox = pipeline.Services.GetRequiredService<IOutboxStore>();
        var url = server.Serve(Responses.Bytes(FeedXml.Rss("s", [new Entry("Dandong one", "https://s.example/1"),
            new Entry("Dandong two", "https://s.example/2"), new Entry("Dandong three", "https://s.example/3")]), Responses.Rss));
        await pipeline.PollOneAsync(Feeds.Rss("s", url, "en", backfill: true));
        var claimed = await outbox.ClaimAsync(DateTimeOffset.UtcNow, 10, TimeSpan.FromMinutes(1), CancellationToken.None);
        var (a, b) = (claimed.Where(e => e.Destination == "a").ToList(), claimed.Where(e => e.Destination == "b").ToList());

        await Sent(outbox, "m1", a[0], a[1], b[0], b[1]);
        await Sent(outbox, "m2", a[2]);
        await outbox.RecordAsync(new DeliveryRecord([b[2].Id], DeliveryState.Retry, DateTimeOffset.UtcNow) { NextAttempt = DateTimeOffset.UtcNow }, CancellationToken.None);

        var sent = pipeline.Services.GetRequiredService<ISentMessages>();
        var first = await sent.SentInAsync("a", "m1", CancellationToken.None);
        Assert.Equal([a[0].Id, a[1].Id], first.Select(e => e.Id));
        Assert.Equal(a.Take(2).Select(e => e.Alert.Title), first.Select(e => e.Alert.Title));
        Assert.Equal(a[0].Alert.ItemId, first[0].Alert.ItemId);
        Assert.Equal([b[0].Id, b[1].Id], (await sent.SentInAsync("b", "m1", CancellationToken.None)).Select(e => e.Id));
        Assert.Equal([a[2].Id], (await sent.SentInAsync("a", "m2", CancellationToken.None)).Select(e => e.Id));
        Assert.Empty(await sent.SentInAsync("b", "m2", CancellationToken.None));
        Assert.Empty(await sent.SentInAsync("a", "m3", CancellationToken.None));
    }

    static Task Sent(IOutboxStore outbox, string messageId, params OutboxEntry[] entries) =>
        outbox.RecordAsync(new DeliveryRecord([.. entries.Select(e => e.Id)], DeliveryState.Sent, DateTimeOffset.UtcNow) { MessageId = messageId }, CancellationToken.None);
}
