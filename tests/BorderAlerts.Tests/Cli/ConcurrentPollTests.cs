using BorderAlerts.Tests.Infrastructure;

namespace BorderAlerts.Tests.Cli;

/// <summary>
/// Two hosts on one SQLite file (an operator's `poll` beside another `poll` or the service): leases in the store
/// decide who polls a feed, so no feed is fetched twice by overlapping passes.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class ConcurrentPollTests(FeedServer server) : IClassFixture<FeedServer>
{
    [Fact]
    public async Task A_second_poll_while_the_first_holds_its_feeds_fetches_none_of_them_again()
    {
        using var session = new CliSession();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var kyodo = server.Serve(Responses.Held(release.Task, Responses.Fixture("outlets/kyodo_zh-hans_news.rss.xml")));
        var state = server.Serve(Responses.Held(release.Task, Responses.Fixture("outlets/state_press-releases.rss.xml")));
        session.WriteFeeds($"""
            feeds:
              - id: kyodo-zh-hans
                url: {kyodo}
                language: zh-Hans
              - id: state-press-releases
                url: {state}
                language: en
            """);

        var first = session.RunAsync("poll", "--all", "--json");
        CliRun second;
        try
        {
            await Eventually.TrueAsync(() => Task.FromResult(server.RequestCount(kyodo) + server.RequestCount(state) == 2),
                "the first poll is waiting on both sources");
            second = await session.RunAsync("poll", "--all", "--json");
        }
        finally { release.TrySetResult(); }
        var firstDone = await first;

        Assert.Equal(0, second.ExitCode);
        Assert.StartsWith("""{"feeds":0,"fetched":0,"notModified":0,"failed":0,"newItems":0""", second.Stdout);
        Assert.StartsWith("""{"feeds":2,"fetched":2,"notModified":0,"failed":0,"newItems":10""", firstDone.Stdout);
        Assert.Equal((1, 1), (server.RequestCount(kyodo), server.RequestCount(state)));
    }

    [Fact]
    public async Task Poll_without_arguments_polls_only_what_is_due()
    {
        using var session = new CliSession();
        var kyodo = server.Serve(Responses.Fixture("outlets/kyodo_zh-hans_news.rss.xml"));
        session.WriteFeeds($"feeds:\n  - id: kyodo-zh-hans\n    url: {kyodo}\n    language: zh-Hans\n    every: 2h\n");

        var first = await session.RunAsync("poll", "--json");
        var second = await session.RunAsync("poll", "--json");

        Assert.StartsWith("""{"feeds":1,"fetched":1,"notModified":0,"failed":0,"newItems":6""", first.Stdout);
        Assert.StartsWith("""{"feeds":0,"fetched":0""", second.Stdout);
        Assert.Equal(1, server.RequestCount(kyodo));
    }
}
