using System.Net;
using System.Net.Sockets;
using BorderAlerts.Core.Delivery;
using BorderAlerts.Core.Polling;
using BorderAlerts.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BorderAlerts.Benchmarks.Translation;

/// <summary>One card's figures: claim to send and first sighting to delivery, and whether it went with a translation.</summary>
public sealed record CardSample(string Marker, string Slot, TimeSpan ClaimToSend, TimeSpan SeenToDelivered, bool Translated);

/// <summary>What one condition's run measured.</summary>
public sealed record ConditionRun(TranslatorCondition Condition, int Run, IReadOnlyList<CardSample> Cards, int Expected, long Messages,
    long TranslateRequests, int Notices, TimeSpan Wall);

/// <summary>
/// One condition, once: a fresh service container (the real composition root over a fresh SQLite file), feeds in
/// zh-Hans, ko and ja on loopback, waves of one new item per feed, each wave polled by the real PollRunner (items
/// first seen, matched, alerts and outbox entries written) and delivered by the real DeliveryRunner (CardTranslator,
/// LibreTranslateClient behind the policy, DiscordWebhookSink) to the loopback receiver.
/// </summary>
public static class TranslationLatencyRun
{
    static readonly string[] Languages = ["zh-Hans", "ko", "ja"];
    static readonly string[][] Subjects =
    [
        ["海关查获走私煤炭", "口岸恢复货运通关", "边境贸易区新开业", "铁路桥检修完成", "渔船在鸭绿江被扣", "集装箱码头扩建"],
        ["세관 밀수 적발", "화물 통관 재개", "국경 무역구 개장", "철교 보수 완료", "압록강 어선 억류", "컨테이너 부두 확장"],
        ["税関で密輸摘発", "貨物通関を再開", "国境貿易区が開業", "鉄橋の補修完了", "鴨緑江で漁船拿捕", "コンテナ埠頭を拡張"],
    ];
    // A place per language and a tonnage per item: each item is its own event (StoryJudge), so each goes as a card of
    // its own rather than an "also reported by" line.
    static readonly string[] Places = ["丹东", "신의주", "羅先"];

    public static async Task<ConditionRun> RunAsync(TranslatorCondition condition, int run, TranslationLatencyOptions o, LoopbackStandIns standIns)
    {
        standIns.Clear();
        standIns.Condition = condition;
        standIns.ChatDelay = o.ChatDelay;
        var root = Directory.CreateTempSubdirectory("borderalerts-translate-").FullName;
        try
        {
            WriteConfig(Path.Combine(root, "config"), o.Feeds, standIns.BaseAddress);
            var claims = new ClaimClock();
            await using var provider = Container(root, condition, standIns, o, claims);
            await AppHost.PrepareAsync(provider, CancellationToken.None);
            var poller = provider.GetRequiredService<PollRunner>();
            var delivery = provider.GetRequiredService<DeliveryRunner>();
            var outbox = provider.GetRequiredService<IOutboxStore>();
            var ids = Enumerable.Range(0, o.Feeds).Select(FeedId).ToList();
            for (int f = 0; f < o.Feeds; f++) standIns.Publish(f, $"{Places[f % 3]} 旧闻 {f}", $"https://outlet{f}.example/seed");
            await poller.RunNowAsync(ids, CancellationToken.None, keepItems: false); // the first poll seeds, without alerting
            var started = DateTimeOffset.UtcNow;
            var waves = (o.Cards + o.Feeds - 1) / o.Feeds;
            for (int w = 0; w < waves; w++)
            {
                for (int f = 0; f < o.Feeds; f++)
                    standIns.Publish(f, Title(w, f), $"https://outlet{f}.example/news/{w}.html");
                await poller.RunNowAsync(ids, CancellationToken.None, keepItems: false);
                // What DeliveryPassJob does once the poll has rung it; again while replies wait for their story's card.
                for (int pass = 0; pass < 10 && (await outbox.StatsAsync(CancellationToken.None)).Pending > 0; pass++)
                    await delivery.RunAsync(CancellationToken.None);
                if (o.Pause > TimeSpan.Zero) await Task.Delay(o.Pause);
            }
            var wall = DateTimeOffset.UtcNow - started;
            var cards = new List<CardSample>();
            foreach (var (marker, claim) in claims.Claims)
                if (standIns.Arrival(marker) is { } arrived)
                    cards.Add(new CardSample(marker, claim.Slot, arrived - claim.At, claim.FirstSeen is { } seen ? arrived - seen : TimeSpan.Zero, standIns.Translated(marker)));
            return new ConditionRun(condition, run, cards, waves * o.Feeds, standIns.Messages, standIns.TranslateRequests, standIns.Notices.Count, wall);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(root, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Item <paramref name="f"/> of wave <paramref name="w"/>: in its feed's language, a different event each, with its marker.</summary>
    static string Title(int w, int f)
    {
        var language = f % 3;
        var subjects = Subjects[language];
        return $"{Places[language]} {subjects[(w + f / 3) % subjects.Length]} {1000 + w * 1000 + f}t N{w:000}{f:000}";
    }

    static string FeedId(int f) => $"outlet-{f:000}";

    static void WriteConfig(string config, int feeds, Uri standIns)
    {
        Directory.CreateDirectory(config);
        var yaml = new System.Text.StringBuilder("feeds:\n");
        for (int f = 0; f < feeds; f++)
            yaml.Append($"  - id: {FeedId(f)}\n    url: {standIns}feed/{f}.xml\n    language: {Languages[f % 3]}\n    kind: newspaper\n    every: 1h\n");
        File.WriteAllText(Path.Combine(config, "feeds.yaml"), yaml.ToString());
        File.WriteAllText(Path.Combine(config, "rules.yaml"), """
            rules:
              - id: dandong
                name: Dandong
                query: 丹东 OR 신의주 OR 羅先
                to: [main]
            """);
    }

    static ServiceProvider Container(string root, TranslatorCondition condition, LoopbackStandIns standIns, TranslationLatencyOptions o, ClaimClock claims)
    {
        var settings = new Dictionary<string, string?>
        {
            ["BorderAlerts:ConfigDir"] = Path.Combine(root, "config"),
            ["BorderAlerts:DataDir"] = Path.Combine(root, "data"),
            ["BorderAlerts:Delivery:FloodBudget"] = "0",
            ["BorderAlerts:Destinations:main:Type"] = "discord-webhook",
            ["BorderAlerts:Destinations:main:Url"] = $"{standIns.BaseAddress}api/webhooks/1/main",
            ["BorderAlerts:Destinations:ops:Type"] = "discord-webhook",
            ["BorderAlerts:Destinations:ops:Url"] = $"{standIns.BaseAddress}api/webhooks/2/ops",
            ["BorderAlerts:AdminDestination"] = "ops",
            ["BorderAlerts:Translation:Provider"] = condition.Behaviour == TranslatorBehaviour.Off ? "none" : "libretranslate",
            ["BorderAlerts:Translation:Url"] = condition.Behaviour == TranslatorBehaviour.Down ? $"http://127.0.0.1:{ClosedPort()}/" : standIns.BaseAddress.ToString(),
        };
        var services = BenchServices.Create(settings, o.Settings, LogLevel.Error);
        // Measurement only: the real outbox store does the work; the decorator notes when each entry was claimed.
        services.Decorate<IOutboxStore>(outbox => new ClaimTimedOutbox(outbox, claims));
        return services.BuildServiceProvider();
    }

    /// <summary>A loopback port nothing listens on: connecting to it is refused at once.</summary>
    static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
