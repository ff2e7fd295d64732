using System.Text.Json;
using System.Text.Json.Nodes;
using BorderAlerts.Commands;
using BorderAlerts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlerts.Tests.Commands;

/// <summary>
/// Answers that miss the inline budget are acknowledged at once and finished through Discord's interaction webhook or
/// Slack's response_url, against the fake platforms; the "More results" buttons; Slack's attack surface.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class DeferredAnswerTests(FeedServer server, FakeDiscord discord, FakeSlack slack)
    : IClassFixture<FeedServer>, IClassFixture<FakeDiscord>, IClassFixture<FakeSlack>
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    async Task<ChatHost> StartAsync(bool deferEverything)
    {
        var session = new CliSession();
        var entries = Enumerable.Range(1, 7).Select(i => new Entry($"丹东口岸第{i}批货物通关", $"https://example.org/zh/{i}", Text: $"第{i}批货物经丹东口岸运往新义州。"));
        var url = server.Serve(Responses.Bytes(FeedXml.Rss("kyodo", entries), Responses.Rss));
        session.WriteFeeds($"feeds:\n  - id: kyodo-zh\n    url: {url}\n    language: zh-Hans\n");
        var host = await ChatHost.StartAsync(session, ("Discord__ApiBaseUrl", discord.ApiBase.ToString()), ("Slack__ApiBaseUrl", slack.ApiBase.ToString()));
        await host.PollAllAsync();
        if (deferEverything) host.Services.GetRequiredService<DeferredReplies>().Budget = TimeSpan.Zero;
        return host;
    }

    [Fact]
    public async Task A_slow_discord_command_is_deferred_then_the_original_response_is_edited()
    {
        await using var host = await StartAsync(deferEverything: true);
        var token = discord.IssueInteractionToken();
        var answer = await host.DiscordAsync("search", null, new { query = "丹东" }, token: token, app: discord.ApplicationId);
        Assert.Equal(5, answer.Json.GetProperty("type").GetInt32());
        Assert.Equal(64, answer.Json.GetProperty("data").GetProperty("flags").GetInt32());
        var edit = (await discord.WaitForInteractionRepliesAsync(1, Wait, r => r.Token == token)).Single();
        Assert.True(edit.Original);
        Assert.Contains("Results 1–5", edit.Content);
        Assert.Equal(5, edit.Message.Embeds.Count);
    }

    [Fact]
    public async Task Discord_more_results_button_brings_the_next_page()
    {
        await using var host = await StartAsync(deferEverything: false);
        var first = await host.DiscordAsync("search", null, new { query = "丹东" });
        var data = first.Json.GetProperty("data");
        Assert.Equal(5, data.GetProperty("embeds").GetArrayLength());
        var button = data.GetProperty("components")[0].GetProperty("components")[0];
        var click = ChatHost.Interaction(3, new JsonObject { ["custom_id"] = button.GetProperty("custom_id").GetString(), ["component_type"] = 2 }, admin: false);
        var second = await host.DiscordRawAsync(click.ToJsonString());
        Assert.Equal(7, second.Json.GetProperty("type").GetInt32()); // the ephemeral message is updated in place
        var page = second.Json.GetProperty("data");
        Assert.Contains("Results 6–7", page.GetProperty("content").GetString());
        Assert.Equal(2, page.GetProperty("embeds").GetArrayLength());
        Assert.Equal(0, page.GetProperty("components").GetArrayLength());
    }

    [Fact]
    public async Task A_slow_slack_command_is_acknowledged_then_answered_through_response_url()
    {
        await using var host = await StartAsync(deferEverything: true);
        var responseUrl = slack.ResponseUrl();
        var ack = await host.SlackAsync("/search", "丹东 since:7d", responseUrl: responseUrl.ToString());
        Assert.Equal("Working on it…", ack.Json.GetProperty("text").GetString());
        var post = (await slack.WaitForResponsePostsAsync(1, Wait, p => p.Url == responseUrl)).Single();
        Assert.True(post.Json.GetProperty("replace_original").GetBoolean());
        Assert.Contains("Results 1–5", post.Json.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Slack_more_results_button_is_acknowledged_and_answered_through_response_url()
    {
        await using var host = await StartAsync(deferEverything: false);
        var first = await host.SlackAsync("/search", "丹东");
        var actions = first.Json.GetProperty("blocks").EnumerateArray().Single(b => b.GetProperty("type").GetString() == "actions");
        var value = actions.GetProperty("elements")[0].GetProperty("value").GetString()!;
        var responseUrl = slack.ResponseUrl();
        var payload = new JsonObject
        {
            ["type"] = "block_actions", ["user"] = new JsonObject { ["id"] = "UREADER" }, ["response_url"] = responseUrl.ToString(),
            ["actions"] = new JsonArray(new JsonObject { ["action_id"] = "search-more", ["type"] = "button", ["value"] = value }),
        };
        var ack = await host.SlackFormAsync("/slack/interactivity", new() { ["payload"] = payload.ToJsonString() });
        Assert.Equal(200, ack.Status);
        var post = (await slack.WaitForResponsePostsAsync(1, Wait, p => p.Url == responseUrl)).Single();
        Assert.Contains("Results 6–7", post.Json.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Slack_refuses_forged_replayed_unsigned_and_oversized_requests()
    {
        await using var host = await StartAsync(deferEverything: false);
        Assert.Equal(401, (await host.SlackAsync("/search", "丹东", forge: true)).Status);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var documented = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
        var replay = new HttpRequestMessage(HttpMethod.Post, "/slack/commands") { Content = new StringContent(documented, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded") };
        replay.Headers.Add("X-Slack-Signature", "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503");
        replay.Headers.Add("X-Slack-Request-Timestamp", "1531420618");
        Assert.Equal(401, (int)(await http.SendAsync(replay)).StatusCode); // Slack's own example, correctly signed, years old
        Assert.Equal(401, (int)(await http.PostAsync("/slack/commands", new StringContent("command=%2Fsearch&text=x"))).StatusCode);
        Assert.Equal(413, (int)(await http.PostAsync("/slack/interactivity", new StringContent(new string('x', 70_000)))).StatusCode);
    }
}
