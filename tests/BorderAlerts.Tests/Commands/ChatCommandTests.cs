using System.Text.Json;
using BorderAlerts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlerts.Tests.Commands;

/// <summary>
/// Every command on both platforms, through the real endpoints on loopback, inline answers. Search and the writes that
/// leave history (edit, undo, feeds, mutes) run on both stores.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class ChatCommandTests(FeedServer server) : IClassFixture<FeedServer>
{
    static string Discord(ChatAnswer answer)
    {
        Assert.Equal(200, answer.Status);
        Assert.Equal(4, answer.Json.GetProperty("type").GetInt32());
        var data = answer.Json.GetProperty("data");
        Assert.Equal(64, data.GetProperty("flags").GetInt32());
        Assert.Empty(data.GetProperty("allowed_mentions").GetProperty("parse").EnumerateArray());
        return System.Text.RegularExpressions.Regex.Replace(data.GetProperty("content").GetString()!, @"\\(.)", "$1"); // Discord shows escapes as the character
    }

    static string Slack(ChatAnswer answer)
    {
        Assert.Equal(200, answer.Status);
        Assert.Equal("ephemeral", answer.Json.GetProperty("response_type").GetString());
        return answer.Json.GetProperty("text").GetString()!;
    }

    /// <summary>One concept and one rule; the other chat test classes start from them too.</summary>
    internal const string Rules = """
        concepts:
          dandong: [Dandong, 丹东, 단둥]
        rules:
          - id: border-smuggling
            name: Smuggling at Dandong
            query: "@dandong AND (走私 OR smuggl*)"
            severity: high
        """;

    Task<ChatHost> StartAsync(params (string, string)[] settings) => StartAsync(Store.Sqlite, settings);

    async Task<ChatHost> StartAsync(Store store, params (string, string)[] settings)
    {
        var session = new CliSession(store);
        var url = server.Serve(Responses.Bytes(FeedXml.Rss("kyodo", [
            new Entry("丹东海关查获走私煤炭", "https://example.org/zh/1", Text: "丹东海关近日查获一批经鸭绿江走私的朝鲜煤炭。"),
            new Entry("Dandong customs seize smuggled coal", "https://example.org/en/1", Text: "Customs in Dandong seized coal from the DPRK."),
        ]), Responses.Rss));
        session.WriteFeeds($"""
            feeds:
              - id: kyodo-zh
                url: {url}
                language: zh-Hans
            """);
        File.WriteAllText(Path.Combine(session.Folder.Config, "rules.yaml"), Rules);
        var host = await ChatHost.StartAsync(session, settings);
        await host.PollAllAsync();
        return host;
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task Search_answers_with_cards_on_both_platforms(Store store)
    {
        await using var host = await StartAsync(store);
        var discord = await host.DiscordAsync("search", null, new { query = "走私" });
        Assert.Contains("Results 1–1", Discord(discord));
        var embed = discord.Json.GetProperty("data").GetProperty("embeds").EnumerateArray().Single();
        Assert.Equal("丹东海关查获走私煤炭", embed.GetProperty("title").GetString());
        Assert.Contains("**走私**", embed.GetProperty("description").GetString());

        var slack = await host.SlackAsync("/search", "coal lang:ko");
        Assert.Contains("No results", Slack(slack));
        slack = await host.SlackAsync("/search", "@dandong since:7d");
        Assert.Contains("Results 1–2", Slack(slack));
        Assert.Contains(slack.Json.GetProperty("blocks").EnumerateArray(), b => b.GetRawText().Contains("example.org/zh/1"));
    }

    [Fact]
    public async Task Reading_commands_are_open_to_everyone()
    {
        await using var host = await StartAsync();
        Assert.Contains("border-smuggling [high]", Discord(await host.DiscordAsync("rules", "list")));
        Assert.Contains("@dandong AND", Slack(await host.SlackAsync("/rules", "show border-smuggling")));
        Assert.Contains("border-smuggling", Slack(await host.SlackAsync("/rules", "test 丹东海关查获走私煤炭")));
        Assert.Contains("does not match", Discord(await host.DiscordAsync("rules", "test", new { text = "Seoul weather", id = "border-smuggling" })));
        var whyNot = Discord(await host.DiscordAsync("rules", "test", new { text = "丹东口岸恢复通关", id = "border-smuggling" }));
        Assert.Contains("border-smuggling does not match.", whyNot);
        Assert.Contains("Failed: 走私 OR smuggl* (not found)", whyNot);
        Assert.Contains("✓ @dandong: 丹东", whyNot);
        Assert.Contains("Concepts in the text: @dandong (丹东)", Slack(await host.SlackAsync("/rules", "test 丹东口岸恢复通关")));
        Assert.Contains("2 of 2 items", Discord(await host.DiscordAsync("rules", "backtest", new { id = "border-smuggling", days = 7 })));
        Assert.Contains("kyodo-zh ok", Slack(await host.SlackAsync("/feeds", "list")));
        Assert.Contains("items in 24 h: 2", Discord(await host.DiscordAsync("feeds", "status", new { id = "kyodo-zh" })));
        Assert.Contains("No changes", Slack(await host.SlackAsync("/rules", "history")));
    }

    [Fact]
    public async Task Feeds_status_shows_a_cron_schedule_where_it_shows_the_interval()
    {
        var session = new CliSession();
        session.WriteFeeds($"""
            feeds:
              - id: kcna-watch
                url: {server.Serve(Responses.Status(304))}
                timezone: Asia/Pyongyang
                cron: "0 5 7,19 ? * *"
            """);
        await using var host = await ChatHost.StartAsync(session);

        Assert.Contains("cron 0 5 7,19 ? * * (Asia/Pyongyang)", Discord(await host.DiscordAsync("feeds", "status", new { id = "kcna-watch" })));
    }

    public static TheoryData<string, string?, object?, string> Writes => new()
    {
        { "rules", "add", new { id = "x", query = "丹东" }, "x 丹东" },
        { "rules", "edit", new { id = "border-smuggling", severity = "low" }, "edit border-smuggling severity:low" },
        { "rules", "remove", new { id = "border-smuggling" }, "remove border-smuggling" },
        { "rules", "enable", new { id = "border-smuggling" }, "enable border-smuggling" },
        { "rules", "disable", new { id = "border-smuggling" }, "disable border-smuggling" },
        { "rules", "undo", null, "undo" },
        { "feeds", "add", new { id = "nk", url = "https://example.org/nk.xml" }, "add nk url:https://example.org/nk.xml" },
        { "feeds", "pause", new { id = "kyodo-zh" }, "pause kyodo-zh" },
        { "feeds", "resume", new { id = "kyodo-zh" }, "resume kyodo-zh" },
        { "feeds", "remove", new { id = "kyodo-zh" }, "remove kyodo-zh" },
        { "mute", null, new { target = "border-smuggling", duration = "2h" }, "border-smuggling 2h" },
    };

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task A_non_admin_changes_nothing(string command, string? sub, object? options, string slackText)
    {
        await using var host = await StartAsync();
        Assert.Contains("Only admins", Discord(await host.DiscordAsync(command, sub, options)));
        var text = sub is null ? slackText : sub + (slackText == sub ? "" : " " + slackText[(slackText.StartsWith(sub) ? sub.Length + 1 : 0)..]);
        Assert.Contains("Only admins", Slack(await host.SlackAsync("/" + command, sub == "add" && command == "rules" ? "add " + slackText : text)));
        Assert.Equal(0, await StoreProbe.For(host.Services).CountAsync("admin_changes"));
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task An_admin_edits_a_rule_from_chat_and_the_next_poll_uses_it_and_undo_puts_it_back(Store store)
    {
        await using var host = await StartAsync(store);
        Assert.Contains("Rule border-coal added", Slack(await host.SlackAsync("/rules", "add border-coal query:\"丹东 AND 煤炭\" severity:critical", admin: true)));
        Assert.Contains("border-coal [critical]", Discord(await host.DiscordAsync("rules", "list")));
        Assert.Contains("border-coal", Discord(await host.DiscordAsync("rules", "test", new { text = "丹东查获煤炭" })));
        Assert.Contains("disabled", Discord(await host.DiscordAsync("rules", "disable", new { id = "border-smuggling" }, admin: true)));
        Assert.Contains("(disabled) Smuggling", Slack(await host.SlackAsync("/rules", "list")));

        var history = Slack(await host.SlackAsync("/rules", "history"));
        Assert.Contains("discord:u-admin (alice): rules disable border-smuggling", history);
        Assert.Contains("slack:UADMIN (alice): rules add border-coal", history);
        Assert.Contains("Undid #2", Discord(await host.DiscordAsync("rules", "undo", null, admin: true)));
        Assert.DoesNotContain("(disabled)", Slack(await host.SlackAsync("/rules", "list")));
        Assert.Contains("Undid #1", Slack(await host.SlackAsync("/rules", "undo border-coal", admin: true)));
        Assert.DoesNotContain("border-coal", Slack(await host.SlackAsync("/rules", "list")));
        Assert.Contains("nothing to undo", Slack(await host.SlackAsync("/rules", "undo", admin: true)));
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task Feeds_added_paused_and_removed_from_chat_reach_the_poller(Store store)
    {
        await using var host = await StartAsync(store, ("Fetch__AllowPrivateAddresses", "true")); // the test's feed server is on loopback
        var url = server.Serve(Responses.Bytes(FeedXml.Rss("nk", [new Entry("단둥 세관 밀수 적발", "https://example.org/ko/1")]), Responses.Rss));
        Assert.Contains("Feed nk added", Discord(await host.DiscordAsync("feeds", "add", new { id = "nk", url = url.ToString(), language = "ko", every = "5m" }, admin: true)));
        Assert.Contains("nk new (added from chat)", Slack(await host.SlackAsync("/feeds", "list")));
        Assert.Contains("paused", Slack(await host.SlackAsync("/feeds", "pause kyodo-zh", admin: true)));
        var polled = await host.PollAllAsync();
        Assert.Equal(["nk"], polled.Reports.Select(r => r.FeedId));
        Assert.Contains("kyodo-zh paused", Discord(await host.DiscordAsync("feeds", "list")));
        Assert.Contains("defined in feeds.yaml", Slack(await host.SlackAsync("/feeds", "remove kyodo-zh", admin: true)));
        Assert.Contains("Feed nk removed", Slack(await host.SlackAsync("/feeds", "remove nk", admin: true)));
        Assert.StartsWith("1 feeds", Slack(await host.SlackAsync("/feeds", "list")));
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task A_rule_added_from_chat_alerts_on_the_next_poll(Store store)
    {
        var session = new CliSession(store);
        var url = server.Serve(Responses.Bytes(FeedXml.Rss("k", [new Entry("Seoul weather", "https://example.org/w/1")]), Responses.Rss));
        session.WriteFeeds($"feeds:\n  - id: k\n    url: {url}\n");
        await using var host = await ChatHost.StartAsync(session);
        await host.PollAllAsync(); // seeds
        Assert.Contains("added", Slack(await host.SlackAsync("/rules", "add rason-zone query:\"라선 OR 羅先 OR rason\" severity:high", admin: true)));
        server.Answer(url, Responses.Bytes(FeedXml.Rss("k", [new Entry("Seoul weather", "https://example.org/w/1"),
            new Entry("라선경제무역지대 투자 설명회", "https://example.org/w/2")]), Responses.Rss));
        await host.PollAllAsync();
        var database = StoreProbe.For(host.Services);
        Assert.Equal(1, await database.CountAsync("alerts", "rule_id = 'rason-zone'"));
        Assert.Equal(1, await database.CountAsync("deliveries")); // to the console, the default destination
    }

    [Theory]
    [InlineData("/rules", "frobnicate", "needs one of")]
    [InlineData("/rules", "add x query:\"(丹东\"", "column")]
    [InlineData("/rules", "add x query:@nope", "nope")]
    [InlineData("/rules", "add Bad!Id query:丹东", "not a valid rule id")]
    [InlineData("/rules", "add border-smuggling query:丹东", "exists already")]
    [InlineData("/rules", "add x query:丹东 to:nowhere", "no destination 'nowhere'")]
    [InlineData("/rules", "edit border-smuggling", "at least one")]
    [InlineData("/rules", "show nope", "no rule 'nope'")]
    [InlineData("/rules", "backtest border-smuggling days:0", "days must be")]
    [InlineData("/rules", "add x query:丹东 colour:red", "Example:")]
    [InlineData("/feeds", "add f url:ftp://example.org/x", "http and https")]
    [InlineData("/feeds", "add f url:https://u:p@example.org/x", "password")]
    [InlineData("/feeds", "add f url:http://127.0.0.1:8080/feed.xml", "loopback")]
    [InlineData("/feeds", "add f url:http://169.254.169.254/latest/meta-data", "169.254.169.254")]
    [InlineData("/feeds", "add f url:https://example.org/x type:html", "not a valid feed id")] // no type option: chat adds feeds only, HTML pages need selectors
    [InlineData("/feeds", "add f url:https://example.org/x every:5s", "at least 1m")]
    [InlineData("/mute", "nothing 2h", "neither a rule")]
    [InlineData("/mute", "border-smuggling forever", "not a duration")]
    [InlineData("/search", "", "'query' is missing")]
    [InlineData("/search", "丹东 AND (", "column")]
    [InlineData("/weather", "today", "Unknown command")]
    public async Task Mistakes_get_a_helpful_message_not_a_platform_error(string command, string text, string expected)
    {
        await using var host = await StartAsync();
        var answer = await host.SlackAsync(command, text, admin: true);
        Assert.Contains(expected, Slack(answer));
        Assert.Contains(":warning:", Slack(answer));
    }

    [Fact]
    public async Task Discord_mistakes_and_unknown_options_are_answered_too()
    {
        await using var host = await StartAsync();
        Assert.Contains("Unknown option 'colour'", Discord(await host.DiscordAsync("rules", "add", new { id = "x", query = "丹东", colour = "red" }, admin: true)));
        Assert.Contains("Unknown command", Discord(await host.DiscordAsync("weather", null)));
        Assert.Contains("not a valid severity", Discord(await host.DiscordAsync("rules", "add", new { id = "x", query = "丹东", severity = "urgent" }, admin: true)));
    }

    [Fact]
    public async Task Managing_some_other_server_makes_nobody_an_admin_here()
    {
        await using var host = await StartAsync();
        var data = new System.Text.Json.Nodes.JsonObject
        {
            ["name"] = "rules",
            ["options"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject
            {
                ["name"] = "disable", ["type"] = 1,
                ["options"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["name"] = "id", ["type"] = 3, ["value"] = "border-smuggling" }),
            }),
        };
        var elsewhere = await host.DiscordRawAsync(ChatHost.Interaction(2, data, admin: true, guild: "666").ToJsonString());
        Assert.Contains("serves other servers", Discord(elsewhere));
        var inDm = ChatHost.Interaction(2, data, admin: true);
        inDm.Remove("guild_id");
        Assert.Contains("serves other servers", Discord(await host.DiscordRawAsync(inDm.ToJsonString())));
        var roleHolder = ChatHost.Interaction(2, data, admin: false);
        roleHolder["member"]!["roles"] = new System.Text.Json.Nodes.JsonArray(ChatHost.AdminRole);
        Assert.Contains("disabled", Discord(await host.DiscordRawAsync(roleHolder.ToJsonString())));
    }

    [Fact]
    public async Task Forged_requests_never_reach_command_code()
    {
        await using var host = await StartAsync();
        Assert.Equal(401, (await host.SlackAsync("/rules", "add x query:丹东", admin: true, forge: true)).Status);
        var body = ChatHost.Interaction(2, new System.Text.Json.Nodes.JsonObject { ["name"] = "mute", ["options"] = new System.Text.Json.Nodes.JsonArray() }, admin: true).ToJsonString();
        Assert.Equal(401, (await host.DiscordRawAsync(body, forge: true)).Status);
        Assert.Equal(0, await StoreProbe.For(host.Services).CountAsync("admin_changes"));
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task A_muted_rule_raises_no_alerts_and_a_muted_destination_gets_none_sent(Store store)
    {
        await using var host = await StartAsync(store, ("Fetch__AllowPrivateAddresses", "true"));
        Assert.Contains("muted until", Slack(await host.SlackAsync("/mute", "border-smuggling 2h", admin: true)));
        var url = server.Serve(Responses.Bytes(FeedXml.Rss("nk", [new Entry("丹东 走私 again", "https://example.org/zh/9")]), Responses.Rss));
        Assert.Contains("added", Slack(await host.SlackAsync("/feeds", $"add later url:{url}", admin: true)));
        await host.PollAllAsync(); // seeds the new feed
        server.Answer(url, Responses.Bytes(FeedXml.Rss("nk", [new Entry("丹东 走私 again", "https://example.org/zh/9"), new Entry("丹东再次查获走私", "https://example.org/zh/10")]), Responses.Rss));
        await host.PollAllAsync();
        await host.Services.GetRequiredService<BorderAlerts.Core.Delivery.DeliveryRunner>().RunAsync(CancellationToken.None);
        var database = StoreProbe.For(host.Services);
        Assert.Equal(0, await database.CountAsync("alerts"));

        Assert.Contains("no longer muted", Slack(await host.SlackAsync("/mute", "border-smuggling 0", admin: true)));
        Assert.Contains("recorded, not sent", Slack(await host.SlackAsync("/mute", "console 1h", admin: true)));
        server.Answer(url, Responses.Bytes(FeedXml.Rss("nk", [new Entry("丹东 走私 again", "https://example.org/zh/9"), new Entry("丹东再次查获走私", "https://example.org/zh/10"),
            new Entry("丹东第三次查获走私", "https://example.org/zh/11")]), Responses.Rss));
        await host.PollAllAsync();
        await host.Services.GetRequiredService<BorderAlerts.Core.Delivery.DeliveryRunner>().RunAsync(CancellationToken.None);
        Assert.Equal(1, await database.CountAsync("alerts"));
        Assert.Equal(1, await database.CountAsync("deliveries", "status = 'dead' AND last_error LIKE '%muted until%'"));
    }
}
