using System.Text.Json;
using BorderAlerts.Tests.Infrastructure;

namespace BorderAlerts.Tests.Cli;

/// <summary>`rules validate|test|backtest` and alerts from `poll`, run in-process as a script would.</summary>
[Collection(ProcessEnvironment.Name)]
public sealed class RulesCommandTests(FeedServer server) : IClassFixture<FeedServer>
{
    const string Rules = """
        concepts:
          dandong: [Dandong, 丹东, 丹東, 단둥]
          smuggling: [smuggl*, 走私, 밀수]
        rules:
          - id: border-smuggling
            name: Smuggling at Dandong
            query: '@dandong AND @smuggling'
            severity: high
            to: [console]
        """;

    static CliSession Session(string rules = Rules)
    {
        var session = new CliSession();
        File.WriteAllText(session.Folder.RulesYaml, rules);
        session.WriteFeeds("feeds: []\n");
        return session;
    }

    [Fact]
    public async Task Validate_exits_2_naming_file_line_and_column_of_a_bad_query()
    {
        using var session = Session(Rules + "\n  - id: broken\n    query: \"(coal AND\"\n");
        var run = await session.RunAsync("rules", "validate");
        Assert.True(run.ExitCode == 2, run.Stderr);
        Assert.Contains($"{session.Folder.RulesYaml}:11:22: rules[broken].query: expected a term, phrase or '(' after 'AND'", run.Stderr);
    }

    [Fact]
    public async Task Validate_exits_2_for_a_rule_that_names_a_destination_settings_do_not_define()
    {
        using var session = Session(Rules.Replace("to: [console]", "to: [analysts]"));
        var run = await session.RunAsync("rules", "validate");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{session.Folder.RulesYaml}:5: rules[border-smuggling].to: no destination named 'analysts' in settings (configured: console)", run.Stderr);
    }

    [Fact]
    public async Task Validate_accepts_the_shipped_rule_pack()
    {
        using var session = Session(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "../../../../../config/rules.yaml")));
        // The pack's watchlist rule names the lists watchlists.yaml declares (shipped disabled): they compile empty.
        File.Copy(Path.Combine(AppContext.BaseDirectory, "../../../../../config/watchlists.yaml"), Path.Combine(Path.GetDirectoryName(session.Folder.RulesYaml)!, "watchlists.yaml"));
        var run = await session.RunAsync("rules", "validate");
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.StartsWith("ok: ", run.Stdout);
    }

    [Fact]
    public async Task Test_json_explains_the_match_with_fields_and_positions()
    {
        using var session = Session();
        var run = await session.RunAsync("rules", "test", "--title", "丹東海關查獲走私煤炭", "--json");
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var match = json.RootElement.GetProperty("matches").EnumerateArray().Single();
        Assert.Equal("border-smuggling", match.GetProperty("rule").GetString());
        Assert.Equal("high", match.GetProperty("severity").GetString());
        var first = match.GetProperty("terms")[0];
        Assert.Equal(("title", 0, 2, "丹東"), (first.GetProperty("field").GetString(), first.GetProperty("start").GetInt32(),
            first.GetProperty("length").GetInt32(), first.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task Test_reads_a_title_that_starts_with_at_as_text_not_as_a_response_file()
    {
        using var session = Session();
        var run = await session.RunAsync("rules", "test", "--title", "@everyone 丹东 走私", "--json");
        Assert.True(run.ExitCode == 0, run.Stderr);
        var match = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("matches").EnumerateArray().Single();
        Assert.Equal("border-smuggling", match.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Test_why_not_names_the_failed_part_and_the_concepts_found_in_text_and_json()
    {
        using var session = Session();
        var run = await session.RunAsync("rules", "test", "--title", "丹东口岸恢复通关", "--why-not", "border-smuggling");
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("border-smuggling does not match.\nFailed: @smuggling (not found)\n", run.Stdout);
        Assert.Contains("Concepts in the text: @dandong (丹东)", run.Stdout);

        var json = await session.RunAsync("rules", "test", "--title", "丹东口岸恢复通关", "--why-not", "border-smuggling", "--json");
        using var doc = JsonDocument.Parse(json.Stdout);
        Assert.False(doc.RootElement.GetProperty("matched").GetBoolean());
        Assert.Equal(["@smuggling"], doc.RootElement.GetProperty("failed").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("丹东", doc.RootElement.GetProperty("query").GetProperty("parts")[0].GetProperty("found")[0].GetString());

        var unknown = await session.RunAsync("rules", "test", "--title", "x", "--why-not", "no-such-rule");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("--why-not: there is no rule 'no-such-rule' (known: border-smuggling)", unknown.Stderr);
    }

    [Fact]
    public async Task Eval_reports_precision_and_recall_names_bad_lines_and_goes_on()
    {
        using var session = Session();
        var corpus = Path.Combine(session.Folder.Root, "corpus.jsonl");
        File.WriteAllLines(corpus, [
            """{"id":"a","lang":"zh-Hans","title":"丹东海关查获走私煤炭","relevant":true}""",
            """{"id":"b","lang":"ko","title":"단둥 밀수 적발","relevant":true}""",
            "{broken",
            """{"id":"c","lang":"en","title":"Dandong smuggling film wins award","relevant":false}""",
            """{"id":"d","lang":"en","title":"North Korean workers recalled from Dandong","relevant":true}""",
        ]);
        var run = await session.RunAsync("rules", "eval", corpus, "--json");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"warning: skipped {corpus}:3: not JSON", run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        var overall = json.RootElement.GetProperty("overall");
        Assert.Equal((4, 3, 3, 2), (overall.GetProperty("items").GetInt32(), overall.GetProperty("relevant").GetInt32(),
            overall.GetProperty("alerted").GetInt32(), overall.GetProperty("truePositives").GetInt32()));
        Assert.Equal(0.6667, overall.GetProperty("recall").GetDouble());
        Assert.Equal(["d"], json.RootElement.GetProperty("misses").EnumerateArray().Select(m => m.GetProperty("id").GetString()));
        Assert.Equal(["c"], json.RootElement.GetProperty("falseAlarms").EnumerateArray().Select(m => m.GetProperty("id").GetString()));

        var text = await session.RunAsync("rules", "eval", corpus);
        Assert.Contains("misses (1):\n  d [en] North Korean workers recalled from Dandong", text.Stdout);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"title\":\"unlabelled\"}\n")]
    public async Task Eval_exits_2_for_an_empty_or_unlabelled_file(string content)
    {
        using var session = Session();
        var corpus = Path.Combine(session.Folder.Root, "corpus.jsonl");
        File.WriteAllText(corpus, content);
        var run = await session.RunAsync("rules", "eval", corpus);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{corpus}: no labelled lines", run.Stderr);
        Assert.Equal(2, (await session.RunAsync("rules", "eval", corpus + ".missing")).ExitCode);
    }

    [Fact]
    public async Task Test_jsonl_answers_every_line_in_order_keeping_ids_and_reporting_bad_lines()
    {
        using var session = Session();
        var input = Path.Combine(session.Folder.Root, "in.jsonl");
        File.WriteAllLines(input, [
            """{"id":"a","title":"단둥 세관 밀수 적발","lang":"ko"}""",
            "not json",
            """{"id":7,"title":"Dandong tourism festival","text":"nothing smuggled? yes: smuggled","source":"kyodo"}""",
            """{"id":"c","title":"Coalition talks"}""",
        ]);
        var run = await session.RunAsync("rules", "test", "--jsonl", input);
        var lines = run.Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(4, lines.Length);
        Assert.Equal("""{"id":"a","matches":[{"rule":"border-smuggling","severity":"high","terms":["단둥","밀수"]}]}""", lines[0]);
        Assert.StartsWith("""{"id":null,"error":"line 2:""", lines[1]);
        Assert.StartsWith("""{"id":7,"matches":[{"rule":"border-smuggling""", lines[2]);
        Assert.Equal("""{"id":"c","matches":[]}""", lines[3]);
    }

    [Fact]
    public async Task Poll_alerts_on_new_matching_items_after_seeding_and_backtest_counts_them()
    {
        using var session = Session();
        var start = DateTimeOffset.UtcNow.AddDays(-1); // inside the backtest's window, which counts from the published time
        var seed = new Entry("丹东口岸通关恢复", "https://china.kyodonews.net/news/1.html", Published: start);
        var fresh = new Entry("丹东海关查获走私煤炭", "https://china.kyodonews.net/news/2.html", Published: start.AddHours(1));
        var old = new Entry("丹东走私案宣判", "https://china.kyodonews.net/news/0.html", Published: start.AddHours(-5));
        var url = server.Serve(Responses.Bytes(FeedXml.Rss("kyodo", [seed, old]), "application/rss+xml"));
        session.WriteFeeds($"feeds:\n  - id: kyodo-zh-hans\n    url: {url}\n    language: zh-Hans\n");

        var seeding = await session.RunAsync("poll", "--all", "--json");
        server.Answer(url, Responses.Bytes(FeedXml.Rss("kyodo", [fresh, seed, old]), "application/rss+xml"));
        var second = await session.RunAsync("poll", "--all", "--json");
        var backtest = await session.RunAsync("rules", "backtest", "border-smuggling", "--json");

        Assert.EndsWith("""newItems":2,"alerts":0,"delivered":0}""" + "\n", seeding.Stdout);
        Assert.EndsWith("""newItems":1,"alerts":1,"delivered":1}""" + "\n", second.Stdout);
        Assert.Contains("[ALERT HIGH] border-smuggling · kyodo-zh-hans", second.Stderr);
        Assert.Contains("丹东海关查获走私煤炭", second.Stderr);
        using var json = JsonDocument.Parse(backtest.Stdout);
        Assert.Equal((3, 2, 1), (json.RootElement.GetProperty("scanned").GetInt32(), json.RootElement.GetProperty("matched").GetInt32(),
            json.RootElement.GetProperty("wouldAlert").GetInt32()));
    }
}
