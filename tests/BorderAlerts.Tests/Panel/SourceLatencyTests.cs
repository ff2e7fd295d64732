using System.Text.Json;
using BorderAlerts.Tests.Infrastructure;

namespace BorderAlerts.Tests.Panel;

/// <summary>Each source's median delays from publication to detection and from detection to delivery, in `feeds list --json` and on /panel/feeds.</summary>
[Collection(ProcessEnvironment.Name)]
public sealed class SourceLatencyTests
{
    static long _next = 20_000;

    /// <summary>An alertable item first seen from <paramref name="feed"/> an hour ago, published some minutes before, and its alert sent some seconds after.</summary>
    static async Task SeedAsync(IServiceProvider services, string feed, int? publishedMinutesBefore, int sentSecondsAfter)
    {
        var probe = StoreProbe.For(services);
        var id = Interlocked.Increment(ref _next);
        var seen = DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeMilliseconds();
        var published = publishedMinutesBefore is { } m ? (seen - m * 60_000L).ToString() : "NULL";
        await probe.ExecuteAsync($"INSERT INTO items (id, title, text, published_at, first_seen_at, first_feed_id, content_hash, alertable) " +
            $"VALUES ({id}, 't{id}', 'x', {published}, {seen}, '{feed}', 'h{id}', true)");
        await probe.ExecuteAsync($"INSERT INTO sightings (item_id, feed_id, seen_at) VALUES ({id}, '{feed}', {seen})");
        await probe.ExecuteAsync($"INSERT INTO alerts (id, item_id, rule_id, severity, destinations, terms, created_at) VALUES ({id}, {id}, 'border-smuggling', 'normal', '[]', '[]', {seen})");
        await probe.ExecuteAsync($"INSERT INTO deliveries (alert_id, destination, kind, status, next_attempt_at, created_at, sent_at) " +
            $"VALUES ({id}, 'analysts', 'card', 'sent', {seen}, {seen}, {seen + sentSecondsAfter * 1000L})");
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task A_source_shows_its_median_delays_and_one_without_dated_items_shows_none(Store store)
    {
        var session = new CliSession(store);
        session.WriteFeeds("feeds:\n  - id: yonhap\n    url: http://127.0.0.1:9/y.xml\n  - id: kcna\n    url: http://127.0.0.1:9/k.xml\n");
        File.WriteAllText(session.Folder.RulesYaml, Commands.ChatCommandTests.Rules);
        await using var host = await ChatHost.StartAsync(session, ("PublicUrl", "https://alerts.example.org"));
        await SeedAsync(host.Services, "yonhap", 3, 20);
        await SeedAsync(host.Services, "yonhap", 5, 40);
        await SeedAsync(host.Services, "yonhap", 30, 60);
        await SeedAsync(host.Services, "kcna", null, 10);
        using var reader = await PanelSignInTests.SignedInAsync(host);

        var list = await host.Session.RunAsync("feeds", "list", "--json");
        var page = await reader.GetAsync("/panel/feeds?sort=-detection");
        var table = (await host.Session.RunAsync("feeds", "list")).Stdout;

        var feeds = JsonDocument.Parse(list.Stdout).RootElement.GetProperty("feeds").EnumerateArray().ToDictionary(f => f.GetProperty("id").GetString()!);
        Assert.Equal((300.0, 40.0), (feeds["yonhap"].GetProperty("medianDetectionDelay").GetDouble(), feeds["yonhap"].GetProperty("medianDeliveryDelay").GetDouble()));
        Assert.Equal(JsonValueKind.Null, feeds["kcna"].GetProperty("medianDetectionDelay").ValueKind);
        Assert.Equal(10.0, feeds["kcna"].GetProperty("medianDeliveryDelay").GetDouble());
        Assert.Matches(@"yonhap .* 5m 0s\s+40s", table);
        Assert.Matches(@"kcna .* –\s+10s", table);
        Assert.Contains("<a href=\"/panel/feeds?sort=detection\">Publication to detection (median, 7 days)</a>", page.Html);
        Assert.Contains("<td>3</td><td>5m 0s</td><td>40s</td>", page.Html);
        Assert.Contains("<td>1</td><td>–</td><td>10s</td>", page.Html);
        Assert.True(page.Html.IndexOf("<td>yonhap</td>") < page.Html.IndexOf("<td>kcna</td>")); // sorted by the detection delay, longest first
    }
}
