using System.Diagnostics;
using BorderAlerts.Core.Polling;
using BorderAlerts.Core.WebSub;
using BorderAlerts.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlerts.Benchmarks.WebSub;

/// <summary>
/// `websub [--pushes N] [--delivery-tick S]`: how soon a pushed item is a card (docs/benchmarks.md "WebSub push"). The real
/// service (Kestrel, SQLite, its Quartz jobs, the Slack webhook sink) subscribes to a loopback hub as it does in
/// production; then each push is one new item, timed from the hub's POST to the card's arrival at the webhook, one at a
/// time. Nothing leaves the machine.
/// </summary>
public static class PushLatencyBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var pushes = int.Parse(Option(args, "--pushes") ?? "50");
        var tick = Option(args, "--delivery-tick") ?? "2";
        var folder = Directory.CreateTempSubdirectory("borderalerts-websub-");
        await using var standIn = await HubStandIn.StartAsync();
        Directory.CreateDirectory(Path.Combine(folder.FullName, "config"));
        File.WriteAllText(Path.Combine(folder.FullName, "config", "feeds.yaml"), $"feeds:\n  - id: border\n    url: {standIn.Feed}\n    language: en\n");
        File.WriteAllText(Path.Combine(folder.FullName, "config", "rules.yaml"), "rules:\n  - id: smuggling\n    query: \"Dandong AND smuggl*\"\n    to: [main]\n");
        var address = FreeAddress();
        foreach (var (key, value) in new[]
        {
            ("ConfigDir", Path.Combine(folder.FullName, "config")), ("DataDir", Path.Combine(folder.FullName, "data")), ("PublicUrl", address), ("Fetch__AllowPrivateAddresses", "true"), // the hub is on loopback
            ("Destinations__main__Type", "slack-webhook"), ("Destinations__main__Url", standIn.Webhook.ToString()),
            ("Polling__TickSeconds", "3600"), ("Delivery__TickSeconds", tick), ("Delivery__FloodBudget", "0"), // one rule, many cards: no digest
        }) Environment.SetEnvironmentVariable("BorderAlerts__" + key, value);
        Environment.SetEnvironmentVariable("Logging__LogLevel__Default", Option(args, "--log") ?? "Warning");
        var app = AppHost.Build(service: true, urls: [address]);
        await AppHost.PrepareAsync(app.Services, CancellationToken.None);
        await app.StartAsync();
        try
        {
            await app.Services.GetRequiredService<PollRunner>().RunNowAsync(["border"], CancellationToken.None); // seeds, finds the hub
            await app.Services.GetRequiredService<WebSubSubscriber>().MaintainAsync(CancellationToken.None);
            await standIn.Subscribed.WaitAsync(TimeSpan.FromSeconds(30));
            var acks = new List<double>();
            var cards = new List<double>();
            for (int i = 0; i <= pushes; i++) // push 0 warms up and is not counted
            {
                var marker = $"q{i}x";
                var card = standIn.CardFor(marker);
                var clock = Stopwatch.StartNew();
                var status = await standIn.PushAsync(standIn.FeedBody(marker));
                var ack = clock.Elapsed;
                await card.WaitAsync(TimeSpan.FromSeconds(60));
                var arrived = clock.Elapsed;
                if (status != 200) throw new InvalidOperationException($"push {i} answered {status}");
                if (i == 0) continue;
                acks.Add(ack.TotalMilliseconds);
                cards.Add(arrived.TotalMilliseconds);
            }
            Console.WriteLine($"websub: {pushes} pushes one at a time, Delivery:TickSeconds {tick}, {Environment.ProcessorCount} logical cores");
            Console.WriteLine($"push acknowledged (parsed, matched, stored): p50 {P(acks, 0.5):0} ms, p95 {P(acks, 0.95):0} ms, max {acks.Max():0} ms");
            Console.WriteLine($"push → card at the webhook:               p50 {P(cards, 0.5):0} ms, p95 {P(cards, 0.95):0} ms, max {cards.Max():0} ms");
            return 0;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            folder.Delete(recursive: true);
        }
    }

    static string? Option(string[] args, string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    static double P(List<double> values, double q)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Ceiling(q * sorted.Count) - 1];
    }

    static string FreeAddress()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}";
    }
}
