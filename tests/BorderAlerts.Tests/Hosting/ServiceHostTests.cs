using BorderAlerts.Hosting;
using BorderAlerts.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlerts.Tests.Hosting;

/// <summary>The service as `run` starts it: the poll loop runs on its own schedule, HTTP endpoints answer.</summary>
[Collection(ProcessEnvironment.Name)]
public sealed class ServiceHostTests(FeedServer server) : IClassFixture<FeedServer>
{
    [Fact]
    public async Task The_service_polls_loopback_feeds_on_its_schedule_and_stops_gracefully()
    {
        using var session = new CliSession();
        session.Environment.Set("BorderAlerts__Polling__TickSeconds", "1");
        var kyodo = server.Serve(Responses.Fixture("outlets/kyodo_zh-hans_news.rss.xml", etag: "\"kyodo-1005\""));
        var cankao = server.Serve(Responses.Fixture("outlets/cankaoxiaoxi_diyi_list.json", Responses.Json), "list.json");
        session.WriteFeeds($"""
            feeds:
              - id: kyodo-zh-hans
                url: {kyodo}
                language: zh-Hans
                timezone: Asia/Tokyo
              - id: cankaoxiaoxi
                url: {cankao}
                type: json
                language: zh-Hans
                timezone: Asia/Shanghai
                json:
                  items: list
                  id: data.id
                  title: data.title
                  link: data.url
                  date: data.publishTime
            """);

        await using var app = AppHost.Build(service: true, urls: ["http://127.0.0.1:0"]);
        await AppHost.PrepareAsync(app.Services, CancellationToken.None);
        await app.StartAsync();
        var database = StoreProbe.For(app.Services);
        await Eventually.TrueAsync(async () => await database.CountAsync("items") == 11, "the scheduler has stored both feeds' items");

        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        Assert.Equal("ok", await http.GetStringAsync("/healthz"));
        Assert.Contains("borderalerts_feed_consecutive_failures{feed=\"kyodo-zh-hans\"} 0", await http.GetStringAsync("/metrics"));
        await app.StopAsync();

        // Ticks kept firing, but neither feed was due again within its 10-minute interval.
        Assert.Equal((1, 1), (server.RequestCount(kyodo), server.RequestCount(cankao)));
        Assert.Equal(11, await database.CountAsync("items"));
        Assert.Equal(2, await database.CountAsync("feeds", "last_success_at IS NOT NULL AND lease_until IS NULL"));
    }

    [Fact]
    public async Task Stopping_the_service_mid_poll_lets_the_claimed_poll_finish_and_be_recorded()
    {
        using var session = new CliSession();
        session.Environment.Set("BorderAlerts__Polling__TickSeconds", "1").Set("BorderAlerts__Fetch__TimeoutSeconds", "2");
        var slow = server.Serve(Responses.Slow(TimeSpan.FromMinutes(2)));
        session.WriteFeeds($"feeds:\n  - id: state-press-releases\n    url: {slow}\n    language: en\n");

        await using var app = AppHost.Build(service: true, urls: ["http://127.0.0.1:0"]);
        await AppHost.PrepareAsync(app.Services, CancellationToken.None);
        await app.StartAsync();
        await Eventually.TrueAsync(() => Task.FromResult(server.RequestCount(slow) == 1), "the slow source has been asked");
        await app.StopAsync();

        var database = StoreProbe.For(app.Services);
        Assert.Equal(1, await database.CountAsync("feeds",
            "id = 'state-press-releases' AND lease_until IS NULL AND consecutive_failures = 1 AND last_error LIKE 'Timeout:%'"));
    }

    [Fact]
    public async Task The_running_service_picks_up_feeds_yaml_edits_and_keeps_polling_through_a_broken_one()
    {
        using var session = new CliSession();
        session.Environment.Set("BorderAlerts__Polling__TickSeconds", "1");
        var kyodo = server.Serve(Responses.Fixture("outlets/kyodo_zh-hans_news.rss.xml"));
        var state = server.Serve(Responses.Fixture("outlets/state_press-releases.rss.xml"));
        var kyodoFeed = $"feeds:\n  - id: kyodo-zh-hans\n    url: {kyodo}\n    language: zh-Hans\n    every: 1s\n";
        session.WriteFeeds(kyodoFeed);

        await using var app = AppHost.Build(service: true, urls: ["http://127.0.0.1:0"]);
        await AppHost.PrepareAsync(app.Services, CancellationToken.None);
        await app.StartAsync();
        var database = StoreProbe.For(app.Services);
        await Eventually.TrueAsync(async () => await database.CountAsync("items") == 6, "the first feed is stored");

        session.WriteFeeds(kyodoFeed + $"  - id: state-press-releases\n    url: {state}\n    language: en\n");
        await Eventually.TrueAsync(async () => await database.CountAsync("items") == 10, "the added feed is stored");

        session.WriteFeeds(kyodoFeed + "  - id: broken\n    every: whenever\n");
        var asked = server.RequestCount(kyodo);
        await Eventually.TrueAsync(() => Task.FromResult(server.RequestCount(kyodo) >= asked + 2), "polling goes on after a broken edit");
        await app.StopAsync();

        Assert.Equal(2, await database.CountAsync("feeds", "enabled"));
        Assert.Equal(10, await database.CountAsync("items"));
    }
}
