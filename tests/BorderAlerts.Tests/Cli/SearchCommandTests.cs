using System.Text.Json;
using BorderAlerts.Tests.Infrastructure;

namespace BorderAlerts.Tests.Cli;

/// <summary>`search` run in-process as a script would, after a `poll` stored the items.</summary>
[Collection(ProcessEnvironment.Name)]
public sealed class SearchCommandTests(FeedServer server) : IClassFixture<FeedServer>
{
    async Task<CliSession> PolledAsync()
    {
        var session = new CliSession();
        var url = server.Serve(Responses.Bytes(FeedXml.Rss("kyodo", [
            new Entry("丹东海关查获走私煤炭", "https://example.org/1", Published: new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.FromHours(8))),
            new Entry("Seoul coalition talks", "https://example.org/2"),
        ]), Responses.Rss));
        session.WriteFeeds($"""
            feeds:
              - id: kyodo-zh-hans
                url: {url}
                language: zh-Hans
            """);
        Assert.Equal(0, (await session.RunAsync("poll", "--all")).ExitCode);
        return session;
    }

    [Fact]
    public async Task Json_output_has_the_documented_fields()
    {
        using var session = await PolledAsync();
        var run = await session.RunAsync("search", "走私", "--json");
        Assert.Equal(0, run.ExitCode);
        var result = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("results").EnumerateArray().Single();
        Assert.Equal("丹东海关查获走私煤炭", result.GetProperty("title").GetString());
        Assert.Equal("https://example.org/1", result.GetProperty("url").GetString());
        Assert.Equal("kyodo-zh-hans", result.GetProperty("source").GetString());
        Assert.Equal("zh-Hans", result.GetProperty("lang").GetString());
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 1, 0, 0, TimeSpan.Zero), result.GetProperty("published").GetDateTimeOffset());
    }

    [Fact]
    public async Task Text_output_lists_hits_and_says_when_there_are_none()
    {
        using var session = await PolledAsync();
        Assert.Contains("丹东海关查获走私煤炭", (await session.RunAsync("search", "煤")).Stdout);
        Assert.Contains("no results", (await session.RunAsync("search", "rason", "--limit", "3")).Stdout);
    }

    [Fact]
    public async Task A_query_that_starts_with_a_concept_is_searched_not_read_as_a_response_file()
    {
        using var session = await PolledAsync();
        File.WriteAllText(session.Folder.RulesYaml, "concepts:\n  dandong: [Dandong, 丹东]\n");
        var run = await session.RunAsync("search", "@dandong AND 走私");
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("丹东海关查获走私煤炭", run.Stdout);
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task A_word_that_is_an_alias_finds_its_concept_in_every_script_and_says_so(Store store)
    {
        using var session = new CliSession(store);
        var url = server.Serve(Responses.Bytes(FeedXml.Rss("mixed", [
            new Entry("丹东海关查获走私煤炭", "https://example.org/zh/1"),
            new Entry("丹東海關查獲走私煤炭", "https://example.org/zh-hant/1"),
            new Entry("단둥 세관, 석탄 밀수 적발", "https://example.org/ko/1"),
            new Entry("Seoul coalition talks", "https://example.org/en/1"),
        ]), Responses.Rss));
        session.WriteFeeds($"feeds:\n  - id: mixed\n    url: {url}\n");
        File.WriteAllText(session.Folder.RulesYaml, "concepts:\n  dandong: [Dandong, 丹东, 丹東, 단둥]\n");
        Assert.Equal(0, (await session.RunAsync("poll", "--all")).ExitCode);

        var json = JsonDocument.Parse((await session.RunAsync("search", "Dandong", "--json")).Stdout).RootElement;
        Assert.Equal(new[] { "丹东海关查获走私煤炭", "丹東海關查獲走私煤炭", "단둥 세관, 석탄 밀수 적발" }.Order(),
            json.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("title").GetString()).Order());
        var expanded = json.GetProperty("expanded").EnumerateArray().Single();
        Assert.Equal(("Dandong", "dandong"), (expanded.GetProperty("term").GetString(), expanded.GetProperty("concept").GetString()));

        var text = (await session.RunAsync("search", "Dandong")).Stdout;
        Assert.StartsWith("Searched by concept: Dandong → @dandong", text);
        Assert.Contains("단둥 세관", text);
        var quoted = await session.RunAsync("search", "\"Dandong\"", "--json");
        Assert.Empty(JsonDocument.Parse(quoted.Stdout).RootElement.GetProperty("expanded").EnumerateArray());
        Assert.Contains("no results", (await session.RunAsync("search", "\"Dandong\"")).Stdout);
    }

    [Theory]
    [InlineData("丹东 AND (走私", "column")]
    [InlineData("@missing", "missing")]
    public async Task A_bad_query_exits_2_naming_the_column(string query, string expected)
    {
        using var session = await PolledAsync();
        var run = await session.RunAsync("search", query);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Stderr);
    }

    [Fact]
    public async Task A_limit_out_of_range_exits_2()
    {
        using var session = await PolledAsync();
        Assert.Equal(2, (await session.RunAsync("search", "丹东", "--limit", "0")).ExitCode);
    }
}
