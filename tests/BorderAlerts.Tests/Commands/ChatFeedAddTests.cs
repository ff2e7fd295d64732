using BorderAlerts.Tests.Infrastructure;

namespace BorderAlerts.Tests.Commands;

/// <summary>`/feeds add` takes feeds.yaml's languages and has a dry run; `/feeds list` warns of a selector that found nothing.</summary>
[Collection(ProcessEnvironment.Name)]
public sealed class ChatFeedAddTests(FeedServer server) : IClassFixture<FeedServer>
{
    internal static string Slack(ChatAnswer answer) => answer.Json.GetProperty("text").GetString()!;

    internal static string Discord(ChatAnswer answer) => answer.Json.GetProperty("data").GetProperty("content").GetString()!.Replace("\\", "");

    static Task<ChatHost> StartAsync() => ChatHost.StartAsync(new CliSession(), ("Fetch__AllowPrivateAddresses", "true")); // the feed server is on loopback

    Uri NkFeed() => server.Serve(Responses.Bytes(FeedXml.Rss("nk", [new Entry("단둥 세관 밀수 적발", "https://example.org/ko/1"),
        new Entry("신의주 세관 통관 재개", "https://example.org/ko/2")]), Responses.Rss));

    [Theory]
    [InlineData("zh-Hans")]
    [InlineData("zh-Hant")]
    [InlineData("ko-KP")]
    public async Task Feeds_add_accepts_the_languages_feeds_yaml_takes(string language)
    {
        await using var host = await StartAsync();
        Assert.Contains("Feed nk added", Slack(await host.SlackAsync("/feeds", $"add nk url:{NkFeed()} language:{language}", admin: true)));
        Assert.Contains("Feed nk2 added", Discord(await host.DiscordAsync("feeds", "add", new { id = "nk2", url = NkFeed().ToString(), language }, admin: true)));
        Assert.Contains($"language: {language}", Slack(await host.SlackAsync("/rules", "history nk")));
    }

    [Fact]
    public async Task Feeds_add_refuses_a_language_that_is_not_a_language_tag()
    {
        await using var host = await StartAsync();
        var answer = Slack(await host.SlackAsync("/feeds", $"add nk url:{NkFeed()} language:korean!", admin: true));
        Assert.Contains("language must be a language tag", answer);
        Assert.Equal(0, await StoreProbe.For(host.Services).CountAsync("admin_changes"));
    }

    [Fact]
    public async Task A_dry_run_shows_the_feed_and_its_items_and_changes_nothing()
    {
        await using var host = await StartAsync();
        var slack = Slack(await host.SlackAsync("/feeds", $"add nk url:{NkFeed()} language:ko-KP every:15m dry-run:yes", admin: true));
        var discord = Discord(await host.DiscordAsync("feeds", "add", new Dictionary<string, object> { ["id"] = "nk", ["url"] = NkFeed().ToString(), ["language"] = "ko", ["dry-run"] = "yes" }, admin: true));

        foreach (var text in new[] { slack, discord })
        {
            Assert.Contains("Dry run, nothing changed", text);
            Assert.Contains("It has 2 items", text);
            Assert.Contains("단둥 세관 밀수 적발", text);
        }
        Assert.Contains("every 15m", slack);
        Assert.Equal(0, await StoreProbe.For(host.Services).CountAsync("admin_changes"));
        Assert.DoesNotContain("nk", Slack(await host.SlackAsync("/feeds", "list")));
    }

    [Fact]
    public async Task Feeds_list_warns_of_a_list_page_whose_selector_found_nothing()
    {
        var session = new CliSession();
        var url = server.Serve(Responses.Text("<html><body><div class='item'><a href='/a/1'>丹东口岸</a></div></body></html>", "text/html; charset=utf-8"), "index.html");
        session.WriteFeeds($"feeds:\n  - id: uriminzokkiri\n    url: {url}\n    type: html\n    html: {{ item: div.item, title: a }}\n");
        await using var host = await ChatHost.StartAsync(session);
        await host.PollAllAsync();
        Assert.Contains("uriminzokkiri ok", Slack(await host.SlackAsync("/feeds", "list")));

        server.Answer(url, Responses.Text("<html><body><section class='redesigned'></section></body></html>", "text/html; charset=utf-8"));
        await host.PollAllAsync();

        Assert.Contains("uriminzokkiri ⚠ its selector found no items", Slack(await host.SlackAsync("/feeds", "list")));
        Assert.Contains("selector found no items", Discord(await host.DiscordAsync("feeds", "status", new { id = "uriminzokkiri" })));
        var cli = await session.RunAsync("feeds", "list");
        Assert.Contains(cli.Stdout.Split('\n'), l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^uriminzokkiri\s+warning\s") && l.Contains("selector found no items"));
    }
}
