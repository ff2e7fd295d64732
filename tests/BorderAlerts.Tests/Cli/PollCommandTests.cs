using System.Text.Json;
using BorderAlerts.Tests.Infrastructure;

namespace BorderAlerts.Tests.Cli;

/// <summary>`poll` run in-process as a script would run it, against feeds.yaml in a temp folder.</summary>
[Collection(ProcessEnvironment.Name)]
public sealed class PollCommandTests(FeedServer server) : IClassFixture<FeedServer>
{
    /// <summary>Kyodo (with an ETag), State (without validators) and a source that answers 404.</summary>
    CliSession ThreeFeeds(out Uri kyodo, out Uri state, out Uri missing)
    {
        var session = new CliSession();
        kyodo = server.Serve(Responses.Fixture("outlets/kyodo_zh-hans_news.rss.xml", etag: "\"kyodo-1005\""));
        state = server.Serve(Responses.Fixture("outlets/state_press-releases.rss.xml"));
        missing = server.Serve(Responses.Status(404));
        session.WriteFeeds($"""
            feeds:
              - id: kyodo-zh-hans
                name: 共同网 Kyodo News (简体中文)
                url: {kyodo}
                language: zh-Hans
                timezone: Asia/Tokyo
              - id: state-press-releases
                name: U.S. Department of State — Press Releases
                url: {state}
                language: en
              - id: retired-feed
                url: {missing}
            """);
        return session;
    }

    [Fact]
    public async Task Poll_all_json_prints_exactly_one_line_of_counts_and_exits_0()
    {
        using var session = ThreeFeeds(out _, out _, out _);

        var first = await session.RunAsync("poll", "--all", "--json");
        var second = await session.RunAsync("poll", "--all", "--json");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal("""{"feeds":3,"fetched":2,"notModified":0,"failed":1,"newItems":10,"alerts":0,"delivered":0}""" + "\n", first.Stdout);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal("""{"feeds":3,"fetched":1,"notModified":1,"failed":1,"newItems":0,"alerts":0,"delivered":0}""" + "\n", second.Stdout);
        using var counts = JsonDocument.Parse(second.Stdout);
        Assert.Equal(["feeds", "fetched", "notModified", "failed", "newItems"],
            counts.RootElement.EnumerateObject().Select(p => p.Name).Take(5));
    }

    [Fact]
    public async Task Poll_feed_polls_only_the_named_feed()
    {
        using var session = ThreeFeeds(out var kyodo, out var state, out _);

        var run = await session.RunAsync("poll", "--feed", "state-press-releases", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("""{"feeds":1,"fetched":1,"notModified":0,"failed":0,"newItems":4""", run.Stdout);
        Assert.Equal((0, 1), (server.RequestCount(kyodo), server.RequestCount(state)));
    }

    [Fact]
    public async Task An_unknown_feed_id_exits_2_names_it_and_polls_nothing()
    {
        using var session = ThreeFeeds(out var kyodo, out var state, out _);

        var run = await session.RunAsync("poll", "--feed", "x", "--json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown feed 'x'", run.Stderr);
        Assert.Contains("kyodo-zh-hans", run.Stderr);
        Assert.Equal("", run.Stdout);
        Assert.Equal(0, server.RequestCount(kyodo) + server.RequestCount(state));
    }

    [Fact]
    public async Task All_and_feed_together_are_bad_input()
    {
        using var session = ThreeFeeds(out _, out _, out _);

        var run = await session.RunAsync("poll", "--all", "--feed", "kyodo-zh-hans");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--all and --feed cannot be used together", run.Stderr);
    }

    [Fact]
    public async Task A_pass_in_which_every_feed_failed_exits_1()
    {
        using var session = ThreeFeeds(out _, out _, out _);

        var run = await session.RunAsync("poll", "--feed", "retired-feed", "--json");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("""{"feeds":1,"fetched":0,"notModified":0,"failed":1,"newItems":0""", run.Stdout);
    }
}
