using System.Text.Json;
using System.Text.Json.Nodes;
using BorderAlerts.Core.Delivery;
using BorderAlerts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlerts.Tests.Commands;

/// <summary>
/// The buttons on the bot's cards, end to end on loopback: cards delivered to the Discord and Slack fakes carry them,
/// presses come back signed through the real endpoints, votes land in the store and `rules feedback` counts them.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class CardFeedbackTests(FeedServer feeds, FakeDiscord discord, FakeSlack slack)
    : IClassFixture<FeedServer>, IClassFixture<FakeDiscord>, IClassFixture<FakeSlack>
{
    const string Rule = "border-smuggling";

    static readonly Entry Coal = new("丹东海关查获走私煤炭", "https://example.org/zh/1", Text: "丹东海关近日查获一批经鸭绿江走私的朝鲜煤炭。");
    static readonly Entry Seafood = new("丹东口岸查获走私海产品", "https://example.org/zh/2", Text: "丹东口岸查获一批走私的朝鲜海产品。");

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task Not_relevant_is_answered_privately_replaced_by_a_later_vote_and_counted_per_rule(Store store)
    {
        var (channel, slackChannel) = ($"61{(int)store}", $"C61{(int)store}");
        await using var host = await StartAsync(store, channel, slackChannel, [Coal]);
        var card = Assert.Single(discord.Messages, m => m.ChannelId == channel);
        var buttons = Buttons(card);
        Assert.Equal(["Not relevant", "Mute rule 2h"], buttons.Select(b => b.Label));

        var pressed = await host.DiscordRawAsync(Press(buttons[0].Id, admin: false).ToJsonString());
        var answer = Private(pressed, type: 4);
        Assert.Contains("Marked not relevant", answer.GetProperty("content").GetString());
        var undo = answer.GetProperty("components")[0].GetProperty("components")[0];
        Assert.Equal("Relevant after all", undo.GetProperty("label").GetString());
        Assert.Equal((1, 0, 1, 0.0), await TallyAsync(host));

        var undone = await host.DiscordRawAsync(Press(undo.GetProperty("custom_id").GetString()!, admin: false).ToJsonString());
        Assert.Equal(7, undone.Json.GetProperty("type").GetInt32()); // replaces the private answer it was on
        Assert.Contains("Marked relevant", undone.Json.GetProperty("data").GetProperty("content").GetString());
        Assert.Equal((1, 1, 0, 1.0), await TallyAsync(host)); // the same person's second vote replaced the first

        var slackCard = Assert.Single(slack.Messages, m => m.Channel == slackChannel);
        var responseUrl = slack.ResponseUrl();
        var posts = slack.ResponsePosts.Count;
        var acked = await host.SlackFormAsync("/slack/interactivity", new() { ["payload"] = BlockAction(SlackValue(slackCard, "fb-not-relevant"), "UREADER", responseUrl) });
        Assert.Equal(200, acked.Status);
        var post = (await slack.WaitForResponsePostsAsync(posts + 1, TimeSpan.FromSeconds(10))).Last();
        Assert.Equal("ephemeral", post.ResponseType);
        Assert.False(post.Json.GetProperty("replace_original").GetBoolean()); // the card stays as it was
        Assert.Contains("Marked not relevant", post.Text);
        Assert.Equal((1, 0, 1, 0.0), await TallyAsync(host)); // one person's "not relevant" outweighs another's "relevant"

        var report = await host.DiscordAsync("rules", "feedback", new { days = 7 });
        Assert.Contains($"{Rule}: precision 0% — 1 alerts, 0 relevant, 1 not relevant", report.Json.GetProperty("data").GetProperty("content").GetString()!.Replace("\\", ""));
        Assert.Empty(discord.Rejected);
        Assert.Empty(slack.Rejected);
    }

    [Fact]
    public async Task Mute_rule_2h_is_for_admins_and_is_an_audited_mute()
    {
        await using var host = await StartAsync(Store.Sqlite, "62", "C62", [Coal]);
        var mute = Buttons(Assert.Single(discord.Messages, m => m.ChannelId == "62"))[1].Id;

        var refused = Private(await host.DiscordRawAsync(Press(mute, admin: false).ToJsonString()), type: 4);
        Assert.Contains("Only admins can mute a rule", refused.GetProperty("content").GetString());
        Assert.Equal(0, await StoreProbe.For(host.Services).CountAsync("admin_changes"));

        var muted = Private(await host.DiscordRawAsync(Press(mute, admin: true).ToJsonString()), type: 4);
        Assert.Contains($"{Rule} is muted until", muted.GetProperty("content").GetString()!.Replace("\\", ""));
        Assert.Equal(1, await StoreProbe.For(host.Services).CountAsync("admin_changes", $"kind = 'mute' AND target = '{Rule}' AND action = 'mute 2h' AND actor LIKE 'discord:u-admin%'"));
    }

    [Fact]
    public async Task Several_cards_in_one_message_are_told_apart_by_a_menu_that_names_each()
    {
        await using var host = await StartAsync(Store.Sqlite, "63", "C63", [Coal, Seafood]);
        var message = Assert.Single(discord.Messages, m => m.ChannelId == "63");
        var rows = message.Json.GetProperty("components").EnumerateArray().ToList();
        var menu = rows[0].GetProperty("components")[0];
        Assert.Equal(3, menu.GetProperty("type").GetInt32());
        var options = menu.GetProperty("options").EnumerateArray().ToList();
        Assert.Equal(message.Embeds.Select((e, i) => $"{i + 1}. {e.GetProperty("title").GetString()}"), options.Select(o => o.GetProperty("label").GetString()));

        var chosen = options[1].GetProperty("value").GetString()!;
        var data = new JsonObject { ["custom_id"] = menu.GetProperty("custom_id").GetString(), ["component_type"] = 3, ["values"] = new JsonArray(chosen) };
        Private(await host.DiscordRawAsync(ChatHost.Interaction(3, data, admin: false).ToJsonString()), type: 4);
        var votes = await host.Services.GetRequiredService<Core.Feedback.IFeedbackStore>().SentSinceAsync(DateTimeOffset.UtcNow.AddDays(-1), CancellationToken.None);
        Assert.Equal(chosen, $"fb:nr:{Assert.Single(votes, v => v.NotRelevant == 1).AlertId}");
        Assert.Equal(1, votes.Count(v => v.NotRelevant == 0));
    }

    [Fact]
    public async Task A_forged_replayed_or_made_up_press_records_nothing()
    {
        await using var host = await StartAsync(Store.Sqlite, "64", "C64", [Coal]);
        var press = Press(Buttons(Assert.Single(discord.Messages, m => m.ChannelId == "64"))[0].Id, admin: false).ToJsonString();

        Assert.Equal(401, (await host.DiscordRawAsync(press, forge: true)).Status);
        var at = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString();
        using (var first = ChatHost.DiscordRequest(press, at)) Assert.Equal(200, (await host.SendAsync(first)).Status);
        using (var again = ChatHost.DiscordRequest(press, at)) Assert.Equal(401, (await host.SendAsync(again)).Status);
        var forged = await host.SlackFormAsync("/slack/interactivity", new() { ["payload"] = BlockAction("fb:nr:1", "UREADER", slack.ResponseUrl()) }, forge: true);
        Assert.Equal(401, forged.Status);
        var madeUp = Private(await host.DiscordRawAsync(Press("fb:nr:999999", admin: false).ToJsonString()), type: 4);
        Assert.Contains("not in the store", madeUp.GetProperty("content").GetString());

        Assert.Equal(1, await StoreProbe.For(host.Services).CountAsync("feedback_votes")); // the one genuine press
    }

    [Fact]
    public async Task A_press_over_socket_mode_is_answered_privately_like_one_over_http()
    {
        var sockets = slack.Sockets.Count;
        await using var host = await StartAsync(Store.Sqlite, "65", "C65", [Coal], ("Slack__AppToken", slack.AppToken));
        var socket = await slack.WaitForSocketAsync(sockets + 1);
        var value = SlackValue(Assert.Single(slack.Messages, m => m.Channel == "C65"), "fb-not-relevant");
        var posts = slack.ResponsePosts.Count;

        var envelope = await socket.SendEnvelopeAsync("interactive", JsonNode.Parse(BlockAction(value, "UREADER", slack.ResponseUrl()))!.AsObject());
        await socket.WaitForAckAsync(envelope);
        var post = (await slack.WaitForResponsePostsAsync(posts + 1, TimeSpan.FromSeconds(10))).Last();
        Assert.Contains("Marked not relevant", post.Text);
        Assert.False(post.Json.GetProperty("replace_original").GetBoolean());
        Assert.Equal(1, await StoreProbe.For(host.Services).CountAsync("feedback_votes", "platform = 'slack' AND user_id = 'UREADER'"));
        Assert.Empty(socket.Violations);
    }

    async Task<ChatHost> StartAsync(Store store, string channel, string slackChannel, Entry[] entries, params (string, string)[] more)
    {
        discord.AddChannel(channel);
        slack.AddChannel(slackChannel);
        var session = new CliSession(store);
        var url = feeds.Serve(Responses.Bytes(FeedXml.Rss("kyodo", entries), Responses.Rss));
        session.WriteFeeds($"feeds:\n  - id: kyodo-zh\n    url: {url}\n    language: zh-Hans\n    backfill: true\n");
        File.WriteAllText(Path.Combine(session.Folder.Config, "rules.yaml"),
            $"rules:\n  - id: {Rule}\n    name: Smuggling at Dandong\n    query: 丹东 AND 走私\n    severity: high\n    to: [discord, slack]\n");
        (string, string)[] settings = [("Delivery__FloodBudget", "0"),
            ("Destinations__discord__Type", "discord-bot"), ("Destinations__discord__Channel", channel),
            ("Destinations__slack__Type", "slack"), ("Destinations__slack__Channel", slackChannel),
            ("Discord__BotToken", discord.BotToken), ("Discord__ApiBaseUrl", discord.ApiBase.ToString()),
            ("Slack__BotToken", slack.BotToken), ("Slack__ApiBaseUrl", slack.ApiBase.ToString()), .. more];
        var host = await ChatHost.StartAsync(session, settings);
        await host.PollAllAsync();
        await Eventually.TrueAsync(async () =>
        {
            await host.Services.GetRequiredService<DeliveryRunner>().RunAsync(CancellationToken.None);
            return await StoreProbe.For(host.Services).CountAsync("deliveries", "status = 'pending'") == 0;
        }, "the outbox is empty");
        return host;
    }

    static List<(string Label, string Id)> Buttons(ReceivedDiscordMessage message) =>
        message.Json.GetProperty("components")[0].GetProperty("components").EnumerateArray()
            .Select(b => (b.GetProperty("label").GetString()!, b.GetProperty("custom_id").GetString()!)).ToList();

    static JsonObject Press(string customId, bool admin) =>
        ChatHost.Interaction(3, new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 }, admin);

    /// <summary>The answer's message data, after checking it is private, mentions nobody and is of the given type.</summary>
    static JsonElement Private(ChatAnswer answer, int type)
    {
        Assert.Equal(200, answer.Status);
        Assert.Equal(type, answer.Json.GetProperty("type").GetInt32());
        var data = answer.Json.GetProperty("data");
        Assert.Equal(64, data.GetProperty("flags").GetInt32());
        Assert.Empty(data.GetProperty("allowed_mentions").GetProperty("parse").EnumerateArray());
        return data;
    }

    async Task<(int Alerts, int Relevant, int NotRelevant, double? Precision)> TallyAsync(ChatHost host)
    {
        var run = await host.Session.RunAsync("rules", "feedback", "--days", "7", "--json");
        Assert.Equal(0, run.ExitCode);
        var rule = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("rule").GetString() == Rule);
        var precision = rule.GetProperty("precision");
        return (rule.GetProperty("alerts").GetInt32(), rule.GetProperty("relevant").GetInt32(), rule.GetProperty("notRelevant").GetInt32(),
            precision.ValueKind == JsonValueKind.Null ? null : precision.GetDouble());
    }

    static string SlackValue(ReceivedSlackMessage message, string actionId) =>
        message.Blocks!.Value.EnumerateArray().Where(b => b.GetProperty("type").GetString() == "actions")
            .SelectMany(b => b.GetProperty("elements").EnumerateArray()).First(e => e.GetProperty("action_id").GetString() == actionId)
            .GetProperty("value").GetString()!;

    static string BlockAction(string value, string user, Uri responseUrl) => new JsonObject
    {
        ["type"] = "block_actions", ["team"] = new JsonObject { ["id"] = "T1" }, ["user"] = new JsonObject { ["id"] = user, ["username"] = "bob" },
        ["trigger_id"] = $"{Guid.NewGuid():N}", ["response_url"] = responseUrl.ToString(),
        ["actions"] = new JsonArray(new JsonObject { ["type"] = "button", ["action_id"] = "fb-not-relevant", ["value"] = value, ["action_ts"] = "1" }),
    }.ToJsonString();
}
