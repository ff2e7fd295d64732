using BorderAlerts.Chat;
using BorderAlerts.Core.Delivery;
using BorderAlerts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlerts.Tests.Commands;

/// <summary>
/// `/feeds add` takes feeds.yaml's languages and kinds and has a dry run; `/feeds list` warns of a selector that found nothing.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class ChatFeedAddTests(FeedServer server) : IClassFixture<FeedServer>
{
    internal static string Slack(ChatAnswer answer) => answer.Json.GetProperty("text").GetString()!;

    internal static string Discord(ChatAnswer answer) => answer.Json.GetProperty("data").GetProperty("content").GetString()!.Replace("\\", "");

    static Task<ChatHost> StartAsync(CliSession? session = null) =>
        ChatHost.StartAsync(session ?? new CliSession(), ("Fetch__AllowPrivateAddresses", "true")); // the feed server is on loopback

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
    public async Task A_kind_given_in_chat_shows_on_the_next_card_in_feeds_list_and_in_the_history()
    {
        var session = new CliSession();
        File.WriteAllText(session.Folder.RulesYaml, "rules:\n  - id: dandong\n    name: Dandong\n    query: 단둥\n");
        await using var host = await StartAsync(session);
        var cards = new StringWriter();
        host.Services.GetRequiredService<ConsoleSink>().Output = cards;
        var url = NkFeed();
        Assert.Contains("Feed nk added", Slack(await host.SlackAsync("/feeds", $"add nk url:{url} language:ko kind:\"State  Media\"", admin: true)));
        await host.PollAllAsync(); // the first poll seeds
        server.Answer(url, Responses.Bytes(FeedXml.Rss("nk", [new Entry("단둥 세관 밀수 적발", "https://example.org/ko/1"),
            new Entry("단둥 철교 보수", "https://example.org/ko/3")]), Responses.Rss));
        await host.PollAllAsync();
        await host.Services.GetRequiredService<DeliveryRunner>().RunAsync(CancellationToken.None);

        Assert.Contains("[ALERT NORMAL] dandong · nk · state media · ko", cards.ToString());
        Assert.Contains("• nk (state media) ok (added from chat)", Slack(await host.SlackAsync("/feeds", "list")));
        Assert.Contains("nk: nk · kind: state media (added from chat)", Discord(await host.DiscordAsync("feeds", "status", new { id = "nk" })));
        Assert.Contains("every 10m · kind: state media", Slack(await host.SlackAsync("/rules", "history nk")));
        var cli = await session.RunAsync("feeds", "list");
        Assert.Contains(cli.Stdout.Split('\n'), l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^nk\s+state media\s+ok\s"));
    }

    [Fact]
    public async Task Feeds_add_refuses_a_kind_feeds_yaml_would_refuse_naming_the_field()
    {
        await using var host = await StartAsync();
        var slack = Slack(await host.SlackAsync("/feeds", $"add nk url:{NkFeed()} kind:tabloid", admin: true));
        var discord = Discord(await host.DiscordAsync("feeds", "add", new { id = "nk2", url = NkFeed().ToString(), kind = "state-media" }, admin: true));

        Assert.Contains("kind must be a kind as in feeds.yaml: 'tabloid' is not one of state media, wire, government, ngo, newspaper, blog, other", slack);
        Assert.Contains("kind must be a kind as in feeds.yaml: 'state-media' is not one of", discord);
        Assert.Equal(0, await StoreProbe.For(host.Services).CountAsync("admin_changes"));
    }

    [Fact]
    public async Task A_dry_run_shows_the_feed_and_its_items_and_changes_nothing()
    {
        await using var host = await StartAsync();
        var slack = Slack(await host.SlackAsync("/feeds", $"add nk url:{NkFeed()} language:ko-KP every:15m dry-run:yes", admin: true));
        var discord = Discord(await host.DiscordAsync("feeds", "add", new Dictionary<string, object> { ["id"] = "nk", ["url"] = NkFeed().ToString(), ["language"] = "ko", ["kind"] = "wire", ["dry-run"] = "yes" }, admin: true));

        foreach (var text in new[] { slack, discord })
        {
            Assert.Contains("Dry run, nothing changed", text);
            Assert.Contains("It has 2 items", text);
            Assert.Contains("단둥 세관 밀수 적발", text);
        }
        Assert.Contains("every 15m", slack);
        Assert.Contains("every 10m · kind: wire", discord);
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
