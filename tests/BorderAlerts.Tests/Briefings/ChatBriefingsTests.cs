using BorderAlerts.Tests.Commands;
using BorderAlerts.Tests.Infrastructure;

namespace BorderAlerts.Tests.Briefings;

/// <summary>`/briefings list` for everyone and `/briefings run` for admins only, on Discord and Slack.</summary>
[Collection(ProcessEnvironment.Name)]
public sealed class ChatBriefingsTests
{
    static async Task<ChatHost> StartAsync()
    {
        var session = new CliSession();
        Directory.CreateDirectory(session.Folder.Config);
        File.WriteAllText(Path.Combine(session.Folder.Config, "briefings.yaml"),
            "briefings:\n  - id: morning\n    cron: \"0 0 8 ? * MON-FRI\"\n    timezone: Asia/Seoul\n    to: [console]\n");
        return await ChatHost.StartAsync(session);
    }

    [Fact]
    public async Task An_admin_runs_a_briefing_now_and_anyone_lists_its_last_run()
    {
        await using var host = await StartAsync();

        var refused = ChatFeedAddTests.Discord(await host.DiscordAsync("briefings", "run", new { id = "morning" }));
        var ran = ChatFeedAddTests.Discord(await host.DiscordAsync("briefings", "run", new { id = "morning" }, admin: true));
        var listed = ChatFeedAddTests.Slack(await host.SlackAsync("/briefings", "list"));
        var unknown = ChatFeedAddTests.Slack(await host.SlackAsync("/briefings", "run id:evening", admin: true));

        Assert.StartsWith("⚠️ Only admins can run /briefings run.", refused);
        Assert.Equal("Briefing 'morning' posted to console.", ran);
        Assert.StartsWith("Briefings:\n• morning (morning): 0 0 8 ?", listed); // Slack's escaping keeps the cron's '*' from meaning bold
        Assert.Matches(@"MON-FRI Asia/Seoul, to console; next \S+ \S+ UTC; last \S+ \S+ UTC posted", listed);
        Assert.Contains("No briefing 'evening' (known: morning).", unknown);
        Assert.Equal(1, await StoreProbe.For(host.Services).CountAsync("briefing_runs", "outcome = 'posted'"));
    }
}
