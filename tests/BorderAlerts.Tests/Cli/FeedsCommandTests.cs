using System.Text.Json;
using BorderAlerts.Tests.Infrastructure;

namespace BorderAlerts.Tests.Cli;

/// <summary>`feeds list` shows health from the store; `feeds check` fetches and parses but changes nothing.</summary>
[Collection(ProcessEnvironment.Name)]
public sealed class FeedsCommandTests(FeedServer server) : IClassFixture<FeedServer>
{
    CliSession TwoFeeds()
    {
        var session = new CliSession();
        session.WriteFeeds($"""
            feeds:
              - id: kyodo-zh-hant
                name: 共同網 Kyodo News (繁體中文)
                url: {server.Serve(Responses.Fixture("outlets/kyodo_zh-hant_news.rss.xml"))}
                language: zh-Hant
                kind: wire
                every: 15m
              - id: cankaoxiaoxi
                url: {server.Serve(Responses.Status(503, "600"))}
                type: json
                language: zh-Hans
                json:
                  items: list
                  title: data.title
                  link: data.url
            """);
        return session;
    }

    [Fact]
    public async Task Feeds_list_json_shows_each_feeds_health_after_a_poll()
    {
        using var session = TwoFeeds();
        var before = await session.RunAsync("feeds", "list", "--json");
        await session.RunAsync("poll", "--all");

        var after = await session.RunAsync("feeds", "list", "--json");

        Assert.Equal(0, after.ExitCode);
        Assert.Equal(["new", "new"], Feeds(before).Select(f => f.GetProperty("status").GetString()));
        var feeds = Feeds(after).ToDictionary(f => f.GetProperty("id").GetString()!);
        var kyodo = feeds["kyodo-zh-hant"];
        Assert.Equal(("ok", 0, 4L, 900.0), (kyodo.GetProperty("status").GetString(), kyodo.GetProperty("consecutiveFailures").GetInt32(),
            kyodo.GetProperty("totalItems").GetInt64(), kyodo.GetProperty("every").GetDouble()));
        Assert.Equal("共同網 Kyodo News (繁體中文)", kyodo.GetProperty("name").GetString());
        Assert.Equal("wire", kyodo.GetProperty("kind").GetString());
        var cankao = feeds["cankaoxiaoxi"];
        Assert.Equal(("failing", 1, 503), (cankao.GetProperty("status").GetString(), cankao.GetProperty("consecutiveFailures").GetInt32(),
            cankao.GetProperty("lastStatus").GetInt32()));
        Assert.StartsWith("RateLimited: HTTP 503", cankao.GetProperty("lastError").GetString());
        Assert.True(cankao.GetProperty("enabled").GetBoolean());
        Assert.Equal(JsonValueKind.Null, cankao.GetProperty("kind").ValueKind); // no kind: given
        var table = (await session.RunAsync("feeds", "list")).Stdout;
        Assert.Matches(@"kyodo-zh-hant\s+wire\s+ok", table);
    }

    [Fact]
    public async Task Feeds_list_json_shows_a_cron_schedule_and_the_next_poll_at_its_fire_time()
    {
        using var session = new CliSession();
        session.WriteFeeds($"""
            feeds:
              - id: kcna-watch
                url: {server.Serve(Responses.Fixture("outlets/kyodo_zh-hans_news.rss.xml"))}
                timezone: Asia/Pyongyang
                cron: "0 5 7,19 ? * *"
            """);
        await session.RunAsync("poll", "--all");

        var feed = Feeds(await session.RunAsync("feeds", "list", "--json")).Single();

        Assert.Equal(("0 5 7,19 ? * *", "Asia/Pyongyang", JsonValueKind.Null), (feed.GetProperty("cron").GetString(),
            feed.GetProperty("timezone").GetString(), feed.GetProperty("every").ValueKind));
        var next = TimeZoneInfo.ConvertTime(feed.GetProperty("nextPoll").GetDateTimeOffset(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Pyongyang"));
        Assert.Contains((next.Hour, next.Minute, next.Second), new[] { (7, 5, 0), (19, 5, 0) });
    }

    [Fact]
    public async Task Feeds_check_on_an_address_shows_its_items_and_changes_nothing_in_the_store()
    {
        using var session = TwoFeeds();
        await session.RunAsync("poll", "--all");
        var before = await StoreProbe.DumpAsync(session.Folder.DatabaseFile);
        var candidate = server.Serve(Responses.Fixture("outlets/kyodo_zh-hans_news.rss.xml"));

        var run = await session.RunAsync("feeds", "check", candidate.ToString(), "--json");

        Assert.Equal(0, run.ExitCode);
        using var result = JsonDocument.Parse(run.Stdout);
        Assert.True(result.RootElement.GetProperty("ok").GetBoolean());
        var titles = result.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()).ToList();
        Assert.Equal(6, titles.Count);
        Assert.Equal("详讯：朝鲜货船在丹东港外海进行船对船转运 日本政府称涉嫌违反制裁", titles[0]);
        Assert.Contains("详讯", run.Stdout); // CJK printed as itself, not as \u escapes
        Assert.Equal(before, await StoreProbe.DumpAsync(session.Folder.DatabaseFile));
    }

    [Fact]
    public async Task Feeds_check_on_a_fresh_install_creates_no_database()
    {
        using var session = TwoFeeds();

        var run = await session.RunAsync("feeds", "check", "kyodo-zh-hant", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(4, JsonDocument.Parse(run.Stdout).RootElement.GetProperty("items").GetArrayLength());
        Assert.False(File.Exists(session.Folder.DatabaseFile));
    }

    [Fact]
    public async Task Feeds_check_on_a_failing_source_exits_1_with_the_reason()
    {
        using var session = TwoFeeds();

        var run = await session.RunAsync("feeds", "check", server.Serve(Responses.Status(410)).ToString(), "--json");

        Assert.Equal(1, run.ExitCode);
        using var result = JsonDocument.Parse(run.Stdout);
        Assert.False(result.RootElement.GetProperty("ok").GetBoolean());
        Assert.StartsWith("Gone: HTTP 410", result.RootElement.GetProperty("error").GetString());
    }

    static IEnumerable<JsonElement> Feeds(CliRun run) =>
        JsonDocument.Parse(run.Stdout).RootElement.GetProperty("feeds").EnumerateArray().ToList();
}
