using BorderAlerts.Tests.Infrastructure;

namespace BorderAlerts.Tests.Commands;

/// <summary>`/watchlists find` on Discord and Slack: anyone may look a name up in the lists in force, answered privately.</summary>
[Collection(ProcessEnvironment.Name)]
public sealed class ChatWatchlistFindTests(FeedServer server) : IClassFixture<FeedServer>
{
    async Task<ChatHost> StartAsync()
    {
        var host = await ChatHost.StartAsync(ListFiles.Session(server));
        await ListFiles.RefreshAsync(host.Services);
        return host;
    }

    [Fact]
    public async Task Anyone_finds_a_designated_vessel_by_name_on_both_platforms()
    {
        await using var host = await StartAsync();

        var discord = await host.DiscordAsync("watchlists", "find", new { name = "chon-ma san" });
        var slack = await host.SlackAsync("/watchlists", "find yuk tung");
        var none = await host.SlackAsync("/watchlists", "find name:\"no such ship\"");

        var discordText = ChatFeedAddTests.Discord(discord);
        Assert.StartsWith("Entries matching “chon-ma san”:", discordText);
        Assert.Contains("• CHON MA SAN (vessel) · OFAC SDN list · DPRK3", discordText);
        Assert.Contains("IMO 8660313", discordText);
        Assert.Equal(64, discord.Json.GetProperty("data").GetProperty("flags").GetInt32()); // ephemeral, like /search
        var slackText = ChatFeedAddTests.Slack(slack);
        Assert.Contains("• YUK TUNG (vessel) · OFAC SDN list · DPRK3", slackText);
        Assert.Equal("ephemeral", slack.Json.GetProperty("response_type").GetString());
        Assert.StartsWith("No entry on OFAC SDN list matches “no such ship”.", ChatFeedAddTests.Slack(none));
    }

    [Fact]
    public async Task A_find_without_a_name_answers_with_an_example()
    {
        await using var host = await StartAsync();

        var answer = ChatFeedAddTests.Slack(await host.SlackAsync("/watchlists", "find"));

        Assert.Contains("'name' is missing", answer);
        Assert.Contains("/watchlists find name:\"chon ma san\"", answer);
    }
}
