using BorderAlerts.Chat.Discord;
using BorderAlerts.Core.Delivery;
using BorderAlerts.Tests.Delivery;
using BorderAlerts.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BorderAlerts.Tests.ScaleOut;

/// <summary>
/// Faults of a running cluster, on the real PostgreSQL: every database session cut while instances poll (what a
/// server restart does to them), and an instance that dies in the middle of a delivery burst.
/// </summary>
public sealed class ScaleOutFaultTests(FeedServer feeds, FakeDiscord discord) : IClassFixture<FeedServer>, IClassFixture<FakeDiscord>
{
    const int FeedCount = 30;

    /// <summary>Ends every session on the test's database but this one, as pg_terminate_backend does for an administrator.</summary>
    static async Task<long> CutEveryConnectionAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var cut = new NpgsqlCommand(
            "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()", connection);
        return (long)(await cut.ExecuteScalarAsync())!;
    }

    /// <summary>What the poll job does on each instance: a pass, again and again; a failed pass is tried again.</summary>
    static Task PollUntilAsync(Pipeline instance, CancellationToken stop) => Task.Run(async () =>
    {
        while (!stop.IsCancellationRequested)
        {
            try { await instance.Runner.RunDueAsync(stop); }
            catch (Exception e) when (e is NpgsqlException or OperationCanceledException or InvalidOperationException) { }
            await Task.Delay(50, CancellationToken.None);
        }
    });

    [PostgresFact]
    public async Task Instances_polling_through_cut_database_connections_reconnect_and_lose_nothing()
    {
        // Short leases: a poll whose record was cut off is polled again soon, as it would be after 5 minutes.
        await using var instances = await Instances.StartAsync(3, ("Polling:LeaseSeconds", "3"), ("Fetch:TimeoutSeconds", "1"), ("Polling:Parallelism", "2"));
        var story = FeedXml.Story(DateTimeOffset.UtcNow);
        var urls = Enumerable.Range(0, FeedCount).Select(i => feeds.Serve(async context =>
        {
            await Task.Delay(100, context.RequestAborted); // polls in flight when the sessions are cut
            context.Response.ContentType = Responses.Rss;
            await context.Response.Body.WriteAsync(FeedXml.Rss($"outlet {i}", [story(i), story(1000 + i)]));
        })).ToList();
        instances.Configure(urls.Select((url, i) => Feeds.Rss($"outlet-{i:D2}", url, "zh-Hans")));
        var connectionString = instances.Folder.Postgres!.ConnectionString;
        // The test's own reads use fresh sessions: an instance's pooled one may have just been cut.
        var probe = new StoreProbe(async () =>
        {
            var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
            await connection.OpenAsync();
            return connection;
        });

        using var stop = new CancellationTokenSource();
        var loops = instances.All.Select(i => PollUntilAsync(i, stop.Token)).ToList();
        long cut = 0;
        foreach (var polled in new[] { 5, 15 })
        {
            await Eventually.TrueAsync(async () => await probe.CountAsync("feeds", "last_success_at IS NOT NULL") >= polled, $"{polled} feeds polled");
            cut += await CutEveryConnectionAsync(connectionString);
        }
        await Eventually.TrueAsync(async () => await probe.CountAsync("feeds", "last_success_at IS NOT NULL AND lease_until IS NULL") == FeedCount,
            "every feed has been polled and recorded", TimeSpan.FromMinutes(2));
        await stop.CancelAsync();
        await Task.WhenAll(loops);
        await probe.ExecuteAsync("UPDATE feeds SET next_poll_at = 0");
        var after = await instances.PollDueTogetherAsync(); // every instance works again

        Assert.True(cut > 0, "the instances had sessions to cut");
        Assert.Equal(FeedCount, after.Sum());
        Assert.All(after, n => Assert.True(n >= 0));
        Assert.Equal(2 * FeedCount, await probe.CountAsync("items"));
        Assert.Equal(2 * FeedCount, await probe.CountAsync("sightings"));
        Assert.Equal(2 * FeedCount, await probe.IndexedItemsAsync());
        Assert.Equal(FeedCount, await probe.CountAsync("feeds", "seeded AND consecutive_failures = 0 AND lease_until IS NULL"));
    }

    /// <summary>After its first request, every request of this instance's Discord client hangs: the process froze or died there.</summary>
    sealed class DiesAfterFirstSend(CancellationToken death) : DelegatingHandler
    {
        int _sent;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _sent) == 1) return await base.SendAsync(request, cancellationToken);
            await Task.Delay(Timeout.Infinite, death);
            throw new OperationCanceledException(death);
        }
    }

    [PostgresFact]
    public async Task An_instance_killed_in_the_middle_of_a_delivery_burst_leaves_the_rest_to_another_without_a_duplicate_card()
    {
        const string Rules = "rules:\n  - id: border-trade\n    name: Border trade\n    query: 丹东 OR Dandong\n    to: [main]\n";
        using var death = new CancellationTokenSource();
        var lease = TimeSpan.FromSeconds(5);
        await using var instances = await Instances.StartAsync(2, Rules, n => services =>
        {
            // A lease of seconds, not minutes; the dying instance's request never times out (it does not come back).
            services.AddSingleton(new DeliveryOptions { Lease = lease, FloodBudget = 0, Timeout = n == 0 ? TimeSpan.FromHours(1) : TimeSpan.FromSeconds(20) });
            if (n == 0) services.AddHttpClient(DiscordClient.ClientName).AddHttpMessageHandler(() => new DiesAfterFirstSend(death.Token));
        }, ("Destinations:main:Type", "discord-webhook"), ("Destinations:main:Url", discord.WebhookUrl("burst-kill").ToString()));
        var (dying, live) = (instances.All[0], instances.All[1]);
        await dying.PollOneAsync(Feeds.Rss("kyodo-zh-hans", feeds.Serve(Responses.Bytes(DeliveryHarness.Stories(60, seed: 90), Responses.Rss)),
            "zh-Hans", "Asia/Tokyo", backfill: true));

        var burst = Task.Run(dying.DeliverAsync); // claims all 60, sends the first 10, then dies mid-burst
        await discord.WaitForMessagesAsync(1, TimeSpan.FromSeconds(30), m => m.WebhookId == "burst-kill");
        var whileLeased = await live.DeliverAsync();
        await Eventually.TrueAsync(async () =>
        {
            await live.DeliverAsync();
            return await live.Database.CountAsync("deliveries", "status = 'sent'") == 60;
        }, "the live instance has sent what the dead one had claimed");
        await death.CancelAsync();
        await burst.ContinueWith(_ => { }, TaskScheduler.Default); // the dead instance's pass ends however it ends

        var messages = discord.Messages.Where(m => m.WebhookId == "burst-kill").ToList();
        var cards = messages.SelectMany(m => m.Embeds).Select(e => e.GetProperty("footer").GetProperty("text").GetString()).ToList();
        Assert.Equal(0, whileLeased);
        Assert.Equal(10, messages[0].EmbedCount);
        Assert.Equal(60, cards.Count);
        Assert.Equal(60, cards.Distinct().Count());
        Assert.Empty(discord.Rejected);
    }
}
