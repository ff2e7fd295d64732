using System.Collections.Concurrent;
using BorderAlerts.Hosting;
using BorderAlerts.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BorderAlerts.Tests.ScaleOut;

/// <summary>
/// Three services as `run` starts them, on one PostgreSQL database: they poll at the same time (each runs its own
/// passes; the claims share the feeds), every instance takes part, and each feed is still fetched once per interval.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class SharedPollingTests(FeedServer server) : IClassFixture<FeedServer>
{
    const int FeedCount = 45;

    /// <summary>A feed that answers after a moment, noting which instance asked and whether another was fetching meanwhile.</summary>
    sealed class Watch
    {
        readonly ConcurrentDictionary<string, int> _inFlight = new();
        public ConcurrentDictionary<string, int> Fetches { get; } = new();
        public ConcurrentBag<(string, string)> Overlaps { get; } = [];

        public RequestDelegate Feed(byte[] body) => async context =>
        {
            var instance = context.Request.Headers.UserAgent.ToString();
            Fetches.AddOrUpdate(instance, 1, (_, n) => n + 1);
            _inFlight.AddOrUpdate(instance, 1, (_, n) => n + 1);
            foreach (var other in _inFlight.Where(o => o.Key != instance && o.Value > 0)) Overlaps.Add((instance, other.Key));
            try
            {
                await Task.Delay(150, context.RequestAborted);
                context.Response.ContentType = Responses.Rss;
                await context.Response.Body.WriteAsync(body, context.RequestAborted);
            }
            finally { _inFlight.AddOrUpdate(instance, 0, (_, n) => n - 1); }
        };
    }

    [PostgresFact]
    public async Task Three_services_poll_at_once_and_share_the_feeds_each_fetched_once()
    {
        using var session = new CliSession();
        using var database = TestPostgres.CreateDatabase();
        session.Environment.Set("BorderAlerts__Polling__TickSeconds", "1").Set("BorderAlerts__Polling__Parallelism", "2")
            .Set("BorderAlerts__Storage__Provider", "postgres").Set("BorderAlerts__Storage__ConnectionString", database.ConnectionString);
        var watch = new Watch();
        var story = FeedXml.Story(DateTimeOffset.UtcNow);
        var urls = Enumerable.Range(0, FeedCount).Select(i => server.Serve(watch.Feed(FeedXml.Rss($"outlet {i}", [story(i)])))).ToList();
        session.WriteFeeds("feeds:\n" + string.Concat(urls.Select((url, i) => $"  - id: outlet-{i:D2}\n    url: {url}\n    language: zh-Hans\n")));

        var apps = new List<WebApplication>();
        for (int n = 1; n <= 3; n++)
        {
            session.Environment.Set("BorderAlerts__Fetch__UserAgent", $"instance-{n}"); // read when the host is built
            apps.Add(AppHost.Build(service: true, urls: ["http://127.0.0.1:0"]));
        }
        await Task.WhenAll(apps.Select(a => AppHost.PrepareAsync(a.Services, CancellationToken.None)));
        await Task.WhenAll(apps.Select(a => a.StartAsync()));
        var probe = StoreProbe.For(apps[0].Services);
        await Eventually.TrueAsync(async () => await probe.CountAsync("feeds", "last_success_at IS NOT NULL AND lease_until IS NULL") == FeedCount,
            "the instances have polled every feed");
        foreach (var app in apps) await app.StopAsync();
        var items = await probe.CountAsync("items");
        foreach (var app in apps) await app.DisposeAsync();

        Assert.All(urls, url => Assert.Equal(1, server.RequestCount(url))); // within the interval: once, whoever fetched it
        Assert.Equal(FeedCount, watch.Fetches.Values.Sum());
        Assert.Equal(["instance-1", "instance-2", "instance-3"], watch.Fetches.Keys.Order()); // nobody starved
        Assert.NotEmpty(watch.Overlaps); // polled at the same time, not in turns
        Assert.Equal(FeedCount, items);
    }
}
