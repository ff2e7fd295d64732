using BorderAlerts.Tests.Infrastructure;

namespace BorderAlerts.Tests.Cli;

/// <summary>A bad feeds.yaml stops a command with exit code 2 and a message naming file, line and field.</summary>
[Collection(ProcessEnvironment.Name)]
public sealed class ConfigErrorTests
{
    const string Kyodo = "https://china.kyodonews.net/rss/news.xml";
    const string UnclosedFlow = "concepts:\n  dandong: [丹东\nrules: - broken\n";

    public static TheoryData<string, string, int, string> BadFiles => new()
    {
        // what is wrong, feeds.yaml, line, field
        { "a duration that is not one", $"feeds:\n  - id: kyodo-zh-hans\n    url: {Kyodo}\n    every: soon\n", 4, "feeds[0].every" },
        { "a misspelt field", $"feeds:\n  - id: kyodo-zh-hans\n    url: {Kyodo}\n    langauge: zh-Hans\n", 4, "feeds[0].langauge" },
        { "an address without a scheme", $"feeds:\n  - id: kyodo-zh-hans\n    url: {Kyodo}\n  - id: state-press-releases\n    url: www.state.gov/rss-feed/press-releases/feed/\n", 5, "feeds[1].url" },
        { "the same id twice", $"feeds:\n  - id: kyodo-zh-hans\n    url: {Kyodo}\n  - id: kyodo-zh-hans\n    url: https://tchina.kyodonews.net/rss/news.xml\n", 4, "feeds[1].id" },
        { "no url", "feeds:\n  - id: kyodo-zh-hans\n    name: 共同网\n", 2, "feeds[0].url" },
        { "an id with capitals", $"feeds:\n  - id: Kyodo_ZH\n    url: {Kyodo}\n", 2, "feeds[0].id" },
        { "an unknown type", $"feeds:\n  - id: kyodo-zh-hans\n    url: {Kyodo}\n    type: rss2\n", 4, "feeds[0].type" },
        { "a json feed without its recipe", "feeds:\n  - id: cankaoxiaoxi\n    url: https://china.cankaoxiaoxi.com/json/channel/diyi/list.json\n    type: json\n", 2, "feeds[0].json" },
        { "an unknown time zone", $"feeds:\n  - id: kyodo-zh-hans\n    url: {Kyodo}\n    timezone: Asia/Pyeongyang\n", 4, "feeds[0].timezone" },
        { "a cron expression in Unix form (Quartz's has seconds first)", $"feeds:\n  - id: kyodo-zh-hans\n    url: {Kyodo}\n    cron: \"5 7 * * *\"\n", 4, "feeds[0].cron" },
        { "both every and cron", $"feeds:\n  - id: kyodo-zh-hans\n    url: {Kyodo}\n    every: 10m\n    cron: \"0 5 7 ? * *\"\n", 5, "feeds[0].cron" },
        { "broken YAML indentation", $"feeds:\n  - id: kyodo-zh-hans\n    url: {Kyodo}\n   every: 10m\n", 4, "yaml" },
        { "an unclosed '[' the YAML scanner gives up on", UnclosedFlow, 3, "yaml" },
    };

    [Theory, MemberData(nameof(BadFiles))]
    public async Task A_bad_feeds_yaml_exits_2_naming_file_line_and_field(string what, string yaml, int line, string field)
    {
        using var session = new CliSession();
        session.WriteFeeds(yaml);

        var run = await session.RunAsync("poll", "--all", "--json");

        Assert.True(run.ExitCode == 2, $"{what}: exit {run.ExitCode}, stderr: {run.Stderr}");
        Assert.Contains($"{session.Folder.FeedsYaml}:{line}: {field}: ", run.Stderr);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public async Task A_rules_yaml_the_yaml_scanner_cannot_read_exits_2_naming_file_and_line()
    {
        using var session = new CliSession();
        session.WriteFeeds("feeds: []\n");
        File.WriteAllText(session.Folder.RulesYaml, UnclosedFlow);

        var run = await session.RunAsync("rules", "test", "--title", "丹东 走私");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{session.Folder.RulesYaml}:3: yaml: ", run.Stderr);
    }

    [Fact]
    public async Task Feeds_list_refuses_a_bad_feeds_yaml_the_same_way()
    {
        using var session = new CliSession();
        session.WriteFeeds($"feeds:\n  - id: kyodo-zh-hans\n    url: {Kyodo}\n    every: 10x\n");

        var run = await session.RunAsync("feeds", "list", "--json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{session.Folder.FeedsYaml}:4: feeds[0].every: '10x' is not a duration", run.Stderr);
    }

    [Fact]
    public async Task A_missing_feeds_yaml_exits_2_naming_the_file()
    {
        using var session = new CliSession();

        var run = await session.RunAsync("poll", "--all", "--json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{session.Folder.FeedsYaml}:0: feeds: file not found", run.Stderr);
    }

    [Fact]
    public async Task A_bad_setting_in_the_environment_exits_2_naming_the_key()
    {
        using var session = new CliSession();
        session.WriteFeeds("feeds: []\n");
        session.Environment.Set("BorderAlerts__Fetch__TimeoutSeconds", "0");

        var run = await session.RunAsync("poll", "--all", "--json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("BorderAlerts:Fetch:TimeoutSeconds", run.Stderr);
    }

    [Fact]
    public async Task The_postgres_provider_without_a_connection_string_exits_2_naming_the_key()
    {
        using var session = new CliSession();
        session.WriteFeeds("feeds: []\n");
        session.Environment.Set("BorderAlerts__Storage__Provider", "postgres");

        var run = await session.RunAsync("poll", "--all", "--json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("BorderAlerts:Storage:ConnectionString: is required for postgres", run.Stderr);
    }

    [Fact]
    public async Task An_unreachable_postgres_exits_1_without_printing_the_password()
    {
        using var session = new CliSession();
        session.WriteFeeds("feeds: []\n");
        session.Environment.Set("BorderAlerts__Storage__Provider", "postgres")
            .Set("BorderAlerts__Storage__ConnectionString", "Host=127.0.0.1;Port=1;Username=borderalerts;Password=never-printed-7f3a;Timeout=5");

        var run = await session.RunAsync("poll", "--all", "--json");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("127.0.0.1:1", run.Stderr);
        Assert.DoesNotContain("never-printed-7f3a", run.Stdout + run.Stderr);
    }
}
