using BorderAlerts.Tests.Infrastructure;

namespace BorderAlerts.Tests.Commands;

/// <summary>`/search` across languages: a word that is a concept's alias searches the concept, and the answer says so.</summary>
[Collection(ProcessEnvironment.Name)]
public sealed class ChatSearchExpansionTests(FeedServer server) : IClassFixture<FeedServer>
{
    async Task<ChatHost> StartAsync(Store store)
    {
        var session = new CliSession(store);
        var url = server.Serve(Responses.Bytes(FeedXml.Rss("kyodo", [
            new Entry("丹东海关查获走私煤炭", "https://example.org/zh/1"),
            new Entry("단둥 세관, 석탄 밀수 적발", "https://example.org/ko/1"),
            new Entry("Dandong customs seize smuggled coal", "https://example.org/en/1"),
        ]), Responses.Rss));
        session.WriteFeeds($"feeds:\n  - id: kyodo\n    url: {url}\n");
        File.WriteAllText(session.Folder.RulesYaml, ChatCommandTests.Rules);
        var host = await ChatHost.StartAsync(session);
        await host.PollAllAsync();
        return host;
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task The_answer_names_the_concepts_a_search_widened_to_above_the_results(Store store)
    {
        await using var host = await StartAsync(store);
        var discord = ChatFeedAddTests.Discord(await host.DiscordAsync("search", null, new { query = "dandong" })).Split('\n');
        Assert.StartsWith("Searched by concept: dandong → @dandong", discord[0]);
        Assert.StartsWith("Results 1–3", discord[1]);

        var slack = ChatFeedAddTests.Slack(await host.SlackAsync("/search", "단둥 since:7d")).Split('\n');
        Assert.StartsWith("Searched by concept: 단둥 → @dandong", slack[0]);
        Assert.StartsWith("Results 1–3", slack[1]);

        var literal = ChatFeedAddTests.Slack(await host.SlackAsync("/search", "\"Dandong\""));
        Assert.StartsWith("Results 1–1", literal);
        Assert.DoesNotContain("Searched by concept", literal);
    }
}
