using System.Text.Json;
using BorderAlerts.Tests.Infrastructure;

namespace BorderAlerts.Tests.Delivery;

/// <summary>
/// End to end, on both stores and both platforms: a card says what matched in a reader's script (丹東 → Dandong), the
/// outlet's kind and language, every rule the item matched with its severity, and where it stands in its story.
/// </summary>
public sealed class GlossedCardTests(FeedServer feeds, FakeDiscord discord, FakeSlack slack)
    : IClassFixture<FeedServer>, IClassFixture<FakeDiscord>, IClassFixture<FakeSlack>
{
    const string Rules = """
        concepts:
          dandong: { label: Dandong, aliases: [丹东, 丹東, 단둥] }
          smuggling: [走私, 밀수, smuggling]
        rules:
          - id: border-smuggling
            name: Smuggling at the border
            query: '@dandong AND (@smuggling OR 查获)'
            severity: high
            to: [main]
          - id: dandong-any
            query: '@dandong'
            severity: low
            to: [main]
        """;

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task A_Discord_card_and_its_thread_reply_show_gloss_kind_rules_and_story(Store store)
    {
        var channel = "77" + (int)store;
        discord.AddChannel(channel);
        await using var run = await Start(store, ("Destinations:main:Type", "discord-bot"), ("Destinations:main:Channel", channel),
            ("Discord:BotToken", discord.BotToken), ("Discord:ApiBaseUrl", discord.ApiBase.ToString()));
        await run.ReportAsync("kyodo", "wire");
        await run.ReportAsync("cankao", "state media");

        var card = Fields(Assert.Single(discord.Messages, m => m.ChannelId == channel && m.ThreadId is null));
        Assert.Equal(@"kyodo · wire · zh\-Hant", card["Source"]); // escaped as Discord markdown
        Assert.Equal("Smuggling at the border · high", card["Rule"]);
        Assert.Equal(@"dandong\-any (low)", card["Also matched"]);
        Assert.Equal("丹東 → Dandong, 查获, 走私 → smuggling", card["Matched"]);
        Assert.Equal("First report of this story", card["Story"]);
        var thread = Assert.Single(discord.Threads, t => t.ParentChannelId == channel);
        var reply = Fields(Assert.Single(discord.Messages, m => m.ChannelId == thread.Id));
        Assert.Equal(@"cankao · state media · zh\-Hant", reply["Source"]);
        Assert.Equal("Not the first report · 2 outlets so far", reply["Story"]);
        Assert.Empty(discord.Rejected);
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task A_Slack_card_and_its_thread_reply_show_gloss_kind_rules_and_story(Store store)
    {
        var channel = "C-GLOSS-" + store;
        slack.AddChannel(channel);
        await using var run = await Start(store, ("Destinations:main:Type", "slack"), ("Destinations:main:Channel", channel),
            ("Slack:BotToken", slack.BotToken), ("Slack:ApiBaseUrl", slack.ApiBase.ToString()));
        await run.ReportAsync("kyodo", "wire");
        await run.ReportAsync("cankao", "state media");

        var messages = slack.Messages.Where(m => m.Channel == channel).ToList();
        Assert.Equal(2, messages.Count);
        Assert.Equal(messages[0].Ts, messages[1].ThreadTs);
        var card = Context(messages[0]);
        Assert.Contains("*kyodo* · wire · zh-Hant", card);
        Assert.Contains("Rule: Smuggling at the border (high); also dandong-any (low)", card);
        Assert.Contains("Matched: 丹東 → Dandong, 查获, 走私 → smuggling", card);
        Assert.Contains("First report of this story", card);
        var reply = Context(messages[1]);
        Assert.Contains("*cankao* · state media · zh-Hant", reply);
        Assert.Contains("Not the first report · 2 outlets so far", reply);
        Assert.Empty(slack.Rejected);
    }

    async Task<Run> Start(Store store, params (string, string)[] destination)
    {
        var folder = new TempFolder(store);
        File.WriteAllText(folder.RulesYaml, Rules);
        return new Run(new OutletReports(feeds, folder, await Pipeline.StartAsync(folder, [("Delivery:FloodBudget", "0"), .. destination])));
    }

    static Dictionary<string, string> Fields(ReceivedDiscordMessage message) => Assert.Single(message.Embeds).GetProperty("fields").EnumerateArray()
        .ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("value").GetString()!);

    static List<string> Context(ReceivedSlackMessage message) => message.Blocks!.Value.EnumerateArray()
        .Where(b => b.GetProperty("type").GetString() == "context")
        .SelectMany(b => b.GetProperty("elements").EnumerateArray().Select(e => e.GetProperty("text").GetString()!)).ToList();

    /// <summary>One outlet after another reporting the same event, each delivered before the next.</summary>
    sealed class Run(OutletReports reports) : IAsyncDisposable
    {
        public Task ReportAsync(string outlet, string kind) => reports.ReportAsync(outlet,
            new Entry("丹東海關查获走私煤炭集裝箱卡車", $"https://{outlet}.example/news/1.html", Published: new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero),
                Text: $"【{outlet}】丹東消息：海關在鐵路口岸查获走私煤炭集裝箱卡車。"), kind: kind);

        public ValueTask DisposeAsync() => reports.DisposeAsync();
    }
}
