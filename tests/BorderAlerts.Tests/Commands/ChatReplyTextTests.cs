using BorderAlerts.Tests.Infrastructure;

namespace BorderAlerts.Tests.Commands;

/// <summary>
/// What an analyst reads in command replies on both platforms: lines kept, intervals as feeds.yaml writes them,
/// addresses and queries that copy as they are, dates by publication, changes with their before and after.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class ChatReplyTextTests(FeedServer server) : IClassFixture<FeedServer>
{
    const string ZeroWidth = "\u200B\u200D";

    static string Discord(ChatAnswer answer) => answer.Json.GetProperty("data").GetProperty("content").GetString()!;

    static string Slack(ChatAnswer answer) => answer.Json.GetProperty("text").GetString()!;

    static string Section(ChatAnswer answer) => answer.Json.GetProperty("blocks")[0].GetProperty("text").GetProperty("text").GetString()!;

    async Task<ChatHost> StartAsync(string feedName = "Kyodo", params (string, string)[] settings)
    {
        var session = new CliSession();
        var url = server.Serve(Responses.Bytes(FeedXml.Rss("kyodo", [
            new Entry("2018年丹东走私案回顾", "https://example.org/zh/2018", Published: DateTimeOffset.UtcNow.AddYears(-8)),
            new Entry("丹东海关查获走私煤炭", "https://example.org/zh/1"),
        ]), Responses.Rss), "zh_news/feed_1.xml");
        session.WriteFeeds($"""
            feeds:
              - id: kyodo-zh
                name: "{feedName}"
                url: {url}
                language: zh-Hans
                every: 30s
            """);
        File.WriteAllText(Path.Combine(session.Folder.Config, "rules.yaml"), ChatCommandTests.Rules);
        var host = await ChatHost.StartAsync(session, settings);
        await host.PollAllAsync();
        return host;
    }

    [Fact]
    public async Task Multi_line_replies_keep_their_lines_while_feed_text_cannot_add_any()
    {
        await using var host = await StartAsync(feedName: "Kyodo\\n@everyone 假的一行");
        foreach (var text in new[] { Discord(await host.DiscordAsync("feeds", "status", new { id = "kyodo-zh" })),
                     Slack(await host.SlackAsync("/feeds", "status kyodo-zh")), Section(await host.SlackAsync("/feeds", "status kyodo-zh")) })
        {
            var lines = text.Split('\n');
            Assert.True(lines.Length >= 4, text);
            Assert.StartsWith("kyodo", lines[0], StringComparison.Ordinal);
            Assert.Contains("Kyodo @\u200Beveryone", lines[0], StringComparison.Ordinal); // the feed's line break flattened, its mention defused
            Assert.DoesNotContain(lines, l => l.StartsWith('@'));
            Assert.Contains("every 30s", text, StringComparison.Ordinal);
        }
        Assert.Equal(2, Slack(await host.SlackAsync("/feeds", "list")).Split('\n').Length);
        Assert.Equal(2, Discord(await host.DiscordAsync("rules", "list")).Split('\n').Length);
    }

    [Fact]
    public async Task Addresses_and_queries_in_replies_copy_without_zero_width_characters()
    {
        await using var host = await StartAsync();
        var status = Slack(await host.SlackAsync("/feeds", "status kyodo-zh"));
        Assert.Contains("/zh_news/feed_1.xml", status, StringComparison.Ordinal);
        var show = Slack(await host.SlackAsync("/rules", "show border-smuggling"));
        Assert.Contains("@dandong AND", show, StringComparison.Ordinal);
        Assert.DoesNotContain(show.Split('\n').Single(l => l.StartsWith("query:")), c => ZeroWidth.Contains(c) && c != '\u200D');
        var discordShow = Discord(await host.DiscordAsync("rules", "show", new { id = "border-smuggling" }));
        Assert.Contains("@dandong AND", discordShow, StringComparison.Ordinal);
        Assert.DoesNotContain(discordShow, c => ZeroWidth.Contains(c));
    }

    [Fact]
    public async Task A_chat_backtest_counts_items_by_their_published_time()
    {
        await using var host = await StartAsync();
        var text = Discord(await host.DiscordAsync("rules", "backtest", new { id = "border-smuggling", days = 7 }));
        Assert.Contains("1 of 1 items", text, StringComparison.Ordinal);
        Assert.DoesNotContain("2018", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rules_history_shows_each_change_before_and_after()
    {
        await using var host = await StartAsync();
        await host.SlackAsync("/rules", "add border-coal query:\"丹东 AND 煤炭\" severity:critical", admin: true);
        await host.SlackAsync("/rules", "edit border-coal severity:low", admin: true);
        var lines = Slack(await host.SlackAsync("/rules", "history border-coal")).Split('\n').Select(l => l.Trim()).ToList();

        int edit = lines.FindIndex(l => l.EndsWith("rules edit border-coal", StringComparison.Ordinal));
        int add = lines.FindIndex(l => l.EndsWith("rules add border-coal", StringComparison.Ordinal));
        Assert.Contains("severity: critical", lines[edit + 1], StringComparison.Ordinal);
        Assert.StartsWith("before:", lines[edit + 1], StringComparison.Ordinal);
        Assert.Contains("severity: low", lines[edit + 2], StringComparison.Ordinal);
        Assert.StartsWith("after:", lines[edit + 2], StringComparison.Ordinal);
        Assert.Equal("before: as in the files", lines[add + 1]);
        Assert.Contains("query: 丹东 AND 煤炭", lines[add + 2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rules_changed_from_chat_are_marked_in_the_cli_list()
    {
        await using var host = await StartAsync();
        await host.SlackAsync("/rules", "disable border-smuggling", admin: true);
        await host.SlackAsync("/rules", "add border-coal query:煤炭", admin: true);
        var run = await host.Session.RunAsync("rules", "list");
        Assert.Contains(run.Stdout.Split('\n'), l => l.StartsWith("border-smuggling") && l.Contains("(changed from chat"));
        Assert.Contains(run.Stdout.Split('\n'), l => l.StartsWith("border-coal") && l.Contains("(changed from chat"));
        var json = await host.Session.RunAsync("rules", "list", "--json");
        Assert.Contains("\"changedFromChat\":true", json.Stdout, StringComparison.Ordinal);
    }
}
