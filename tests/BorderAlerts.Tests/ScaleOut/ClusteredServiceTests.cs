using BorderAlerts.Hosting;
using BorderAlerts.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;

namespace BorderAlerts.Tests.ScaleOut;

/// <summary>
/// Two services as `run` starts them, on one PostgreSQL database: both join Quartz's cluster (the qrtz_* tables
/// created at start), the schedule fires on its own, and each feed is still fetched once per interval, and each
/// watchlist once per due time (its refresh is a cluster job).
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class ClusteredServiceTests(FeedServer server) : IClassFixture<FeedServer>
{
    [PostgresFact]
    public async Task Two_services_on_one_database_form_a_Quartz_cluster_and_fetch_each_feed_and_watchlist_once()
    {
        using var session = new CliSession();
        using var database = TestPostgres.CreateDatabase();
        session.Environment.Set("BorderAlerts__Polling__TickSeconds", "1")
            .Set("BorderAlerts__Storage__Provider", "postgres").Set("BorderAlerts__Storage__ConnectionString", database.ConnectionString);
        var kyodo = server.Serve(Responses.Fixture("outlets/kyodo_zh-hans_news.rss.xml", etag: "\"kyodo-1005\""));
        var state = server.Serve(Responses.Fixture("outlets/state_press-releases.rss.xml"));
        session.WriteFeeds($"""
            feeds:
              - id: kyodo-zh-hans
                url: {kyodo}
                language: zh-Hans
              - id: state-press-releases
                url: {state}
                language: en
            """);
        var list = server.Serve(ListFiles.Xml(ListFiles.Ofac(ListFiles.Firms(3)), "\"v1\""), "sdn.xml");
        ListFiles.Configure(session.Folder, list);

        await using var first = AppHost.Build(service: true, urls: ["http://127.0.0.1:0"]);
        await using var second = AppHost.Build(service: true, urls: ["http://127.0.0.1:0"]);
        await Task.WhenAll(AppHost.PrepareAsync(first.Services, CancellationToken.None), AppHost.PrepareAsync(second.Services, CancellationToken.None));
        await Task.WhenAll(first.StartAsync(), second.StartAsync());
        var probe = StoreProbe.For(first.Services);
        await Eventually.TrueAsync(async () => await probe.CountAsync("items") == 10, "the cluster has stored both feeds' items");
        await Eventually.TrueAsync(async () => await probe.CountAsync("qrtz_scheduler_state", "sched_name = 'borderalerts'") == 2,
            "both instances have checked in to the cluster");
        await Eventually.TrueAsync(async () => await probe.CountAsync("instances") == 2, "both instances beat");
        await Eventually.TrueAsync(async () => await probe.CountAsync("watchlist_entries") == 3, "the cluster has refreshed the watchlist");
        await Task.WhenAll(first.StopAsync(), second.StopAsync());

        Assert.Equal((1, 1, 1), (server.RequestCount(kyodo), server.RequestCount(state), server.RequestCount(list)));
        Assert.Equal(3, await probe.CountAsync("qrtz_triggers", "sched_name = 'borderalerts'")); // source health, watchlists, websub; passes run per instance
        Assert.Equal(0, await probe.CountAsync("instances")); // both left as they stopped
        Assert.Equal(2, await probe.CountAsync("feeds", "last_success_at IS NOT NULL AND lease_until IS NULL"));
    }
}
