using BorderAlerts.Hosting;
using BorderAlerts.Tests.Infrastructure;

namespace BorderAlerts.Tests.Briefings;

/// <summary>
/// Two services as `run` starts them, on one PostgreSQL database: both schedule the briefing in Quartz's clustered store
/// (each instance's admin refresh reads briefings.yaml), and its firing posts one brief, not one per instance.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class ClusteredBriefingTests(FakeDiscord discord) : IClassFixture<FakeDiscord>
{
    [PostgresFact]
    public async Task Two_services_on_one_database_post_a_briefings_firing_once()
    {
        using var session = new CliSession();
        using var database = TestPostgres.CreateDatabase();
        session.Environment.Set("BorderAlerts__Storage__Provider", "postgres").Set("BorderAlerts__Storage__ConnectionString", database.ConnectionString)
            .Set("BorderAlerts__Destinations__team__Type", "discord-webhook").Set("BorderAlerts__Destinations__team__Url", discord.WebhookUrl("cluster-brief").ToString());
        session.WriteFeeds("feeds: []\n");
        var at = DateTimeOffset.UtcNow.AddSeconds(12);
        File.WriteAllText(Path.Combine(session.Folder.Config, "briefings.yaml"), $"""
            briefings:
              - id: once
                cron: "{at.Second} {at.Minute} {at.Hour} {at.Day} {at.Month} ? {at.Year}"
                to: [team]
            """);

        await using var first = AppHost.Build(service: true, urls: ["http://127.0.0.1:0"]);
        await using var second = AppHost.Build(service: true, urls: ["http://127.0.0.1:0"]);
        await Task.WhenAll(AppHost.PrepareAsync(first.Services, CancellationToken.None), AppHost.PrepareAsync(second.Services, CancellationToken.None));
        await BriefingData.SeedAsync(first.Services, new BriefingData.Alerted("kyodo", DateTimeOffset.UtcNow.AddHours(-1), "coal"));
        await Task.WhenAll(first.StartAsync(), second.StartAsync());
        var probe = StoreProbe.For(first.Services);
        await Eventually.TrueAsync(async () => await probe.CountAsync("briefing_runs", "outcome = 'posted'") == 1, "the briefing has fired and posted");
        await Eventually.TrueAsync(async () => await probe.CountAsync("qrtz_triggers", "sched_name = 'borderalerts' AND trigger_group = 'briefings'") == 0,
            "its only firing is done, so Quartz has removed the trigger");
        await Task.WhenAll(first.StopAsync(), second.StopAsync());

        var brief = Assert.Single(discord.Messages, m => m.WebhookId == "cluster-brief");
        Assert.Single(brief.Files);
        Assert.Equal(1, await probe.CountAsync("briefing_runs"));
        Assert.Equal(1, await probe.CountAsync("briefing_runs", $"fire_time = {at.ToUnixTimeSeconds() * 1000}")); // its scheduled second
    }
}
