using System.Net;
using BorderAlerts.Core.Delivery;
using BorderAlerts.Core.Polling;
using BorderAlerts.Hosting;
using BorderAlerts.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlerts.Tests.Hosting;

/// <summary>/healthz fails when the store cannot be used; /metrics says what delivery did and what waits.</summary>
[Collection(ProcessEnvironment.Name)]
public sealed class HealthAndMetricsTests(FeedServer server) : IClassFixture<FeedServer>
{
    static async Task<WebApplication> StartAsync()
    {
        var app = AppHost.Build(service: false, urls: ["http://127.0.0.1:0"]);
        await AppHost.PrepareAsync(app.Services, CancellationToken.None);
        await app.StartAsync();
        return app;
    }

    [Fact]
    public async Task Healthz_fails_with_503_once_the_database_file_is_deleted()
    {
        using var session = new CliSession();
        session.WriteFeeds("feeds: []\n");
        await using var app = await StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        Assert.Equal("ok", await http.GetStringAsync("/healthz"));

        foreach (var file in Directory.GetFiles(session.Folder.Data, "borderalerts.db*")) File.Delete(file);
        var response = await http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("store: the database file is missing", await response.Content.ReadAsStringAsync());
        Assert.False(File.Exists(session.Folder.DatabaseFile)); // the check does not create an empty store either
    }

    [Fact]
    public async Task Healthz_answers_head_with_its_status_and_metrics_say_their_charset()
    {
        using var session = new CliSession();
        session.WriteFeeds("feeds: []\n");
        await using var app = await StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        using var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/healthz"));
        using var metrics = await http.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal("utf-8", metrics.Content.Headers.ContentType?.CharSet);
        Assert.Equal("text/plain", metrics.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Metrics_count_deliveries_by_outcome_and_show_the_outbox_and_alert_latency()
    {
        using var session = new CliSession();
        var url = server.Serve(Responses.Bytes(FeedXml.Rss("kyodo", [new Entry("丹东海关查获走私煤炭", "https://kyodo.example/1"),
            new Entry("丹东走私案宣判", "https://kyodo.example/2")]), Responses.Rss));
        session.WriteFeeds($"feeds:\n  - id: kyodo-zh-hans\n    url: {url}\n    language: zh-Hans\n    backfill: true\n");
        File.WriteAllText(session.Folder.RulesYaml, "rules:\n  - id: border-smuggling\n    query: 丹东 AND 走私\n    to: [console]\n");
        await using var app = await StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        await app.Services.GetRequiredService<PollRunner>().RunNowAsync(["kyodo-zh-hans"], CancellationToken.None);
        var waiting = await http.GetStringAsync("/metrics");
        await app.Services.GetRequiredService<DeliveryRunner>().RunAsync(CancellationToken.None);
        var metrics = await http.GetStringAsync("/metrics");

        Assert.Contains("borderalerts_outbox_pending 2\n", waiting);
        Assert.Contains("# TYPE borderalerts_deliveries_total counter", metrics);
        Assert.Contains("borderalerts_deliveries_total{destination=\"console\",outcome=\"sent\"} 2\n", metrics);
        Assert.Contains("borderalerts_outbox_pending 0\n", metrics);
        Assert.Contains("borderalerts_outbox_oldest_seconds 0\n", metrics);
        Assert.Contains("borderalerts_alert_latency_seconds_bucket{le=\"+Inf\"} 2\n", metrics);
        Assert.Contains("borderalerts_alert_latency_seconds_count 2\n", metrics);
    }
}
