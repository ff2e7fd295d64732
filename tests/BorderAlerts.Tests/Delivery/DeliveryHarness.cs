using BorderAlerts.Core.Feeds;
using BorderAlerts.Tests.Infrastructure;

namespace BorderAlerts.Tests.Delivery;

/// <summary>
/// A pipeline whose one rule matches every generated story and sends it to the destination "main"; the feed
/// back-fills, so one poll of N stories stores N alerts in the outbox.
/// </summary>
internal sealed class DeliveryHarness : IAsyncDisposable
{
    public TempFolder Folder { get; } = new();
    public Pipeline Pipeline { get; private set; } = null!;
    (string, string)[] _settings = [];

    public static async Task<DeliveryHarness> StartAsync(params (string Key, string Value)[] settings)
    {
        var harness = new DeliveryHarness { _settings = [("Delivery:FloodBudget", "0"), .. settings] };
        File.WriteAllText(harness.Folder.RulesYaml, """
            rules:
              - id: border-trade
                name: Border trade
                query: 丹东 OR Dandong
                severity: high
                to: [main]
            """);
        harness.Pipeline = await Pipeline.StartAsync(harness.Folder, harness._settings);
        return harness;
    }

    /// <summary>A new process on the same data folder, as after a crash or restart.</summary>
    public async Task RestartAsync()
    {
        await Pipeline.DisposeAsync();
        Pipeline = await Pipeline.StartAsync(Folder, _settings);
    }

    public Task<Core.Polling.PollReport> PollAsync(Uri url, string id = "kyodo-zh-hans") =>
        Pipeline.PollOneAsync(Feeds.Rss(id, url, "zh-Hans", "Asia/Tokyo", backfill: true));

    /// <summary>Delivery passes until the outbox has nothing pending, or the deadline.</summary>
    public async Task DeliverAllAsync(TimeSpan? deadline = null)
    {
        await Eventually.TrueAsync(async () =>
        {
            await Pipeline.DeliverAsync();
            return await Pipeline.Database.CountAsync("deliveries", "status = 'pending'") == 0;
        }, "the outbox is empty", deadline);
    }

    public async ValueTask DisposeAsync()
    {
        await Pipeline.DisposeAsync();
        Folder.Dispose();
    }

    /// <summary>Distinct stories (so none join another's story), each naming Dandong.</summary>
    public static byte[] Stories(int count, int seed = 1, string outlet = "kyodo")
    {
        var random = new Random(seed);
        const string pool = "新义州海关口岸贸易煤炭石油纺织水产劳务经济特区博览会制裁走私查获集装箱卡车铁路桥梁投资合资矿产稀土铜锌铅木材电力旅游酒店港口船舶货物出口进口";
        var start = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(9));
        var entries = Enumerable.Range(0, count).Select(i =>
        {
            var words = new string(Enumerable.Range(0, 14).Select(_ => pool[random.Next(pool.Length)]).ToArray());
            return new Entry($"丹东{words}", $"https://{outlet}.example/news/{seed}/{i:D5}.html", Published: start.AddMinutes(i),
                Text: $"【{outlet}】丹东消息：{words}。{new string(words.Reverse().ToArray())}。");
        });
        return FeedXml.Rss(outlet, entries);
    }
}
