using System.Text.Json;
using BorderAlerts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BorderAlerts.Tests.Delivery;

/// <summary>
/// A translation that comes after its card went without it edits the card where it was sent, through the fakes'
/// edit contracts: Discord bot (Edit Message), Discord webhook (Edit Webhook Message), Slack bot (chat.update). A
/// refused edit is logged and dropped. The translator is held by a gate the test opens, so "late" is an order of events.
/// </summary>
public sealed class LateTranslationTests(FeedServer feeds, FakeDiscord discord, FakeSlack slack, FakeLibreTranslate translator)
    : IClassFixture<FeedServer>, IClassFixture<FakeDiscord>, IClassFixture<FakeSlack>, IClassFixture<FakeLibreTranslate>
{
    const string Translated = "Machine translation (libretranslate)";

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task A_late_translation_edits_the_card_on_the_Discord_bot_the_Discord_webhook_and_the_Slack_bot(Store store)
    {
        await using var run = await LateRun.StartAsync(this, store, "1");
        var gate = new TaskCompletionSource();
        translator.Script(TranslatorFault.Until(gate.Task));
        var title = $"丹東海關查获走私煤炭 {run.Id}";
        await run.ReportAsync("kyodo", title);

        var (bot, hook, posted) = (run.BotMessage(), run.HookMessage(), run.SlackMessage());
        Assert.DoesNotContain(Translated, bot.Json.GetRawText());
        Assert.DoesNotContain(Translated, hook.Json.GetRawText());
        Assert.DoesNotContain(Translated, posted.Json.GetRawText());
        gate.SetResult();
        await run.EditedAsync(bot, hook, posted);

        var expected = $@"\[en\] {title}" + "\n" + @"\[en\] 【kyodo】丹東消息：海關查获走私煤炭。";
        Assert.Equal(expected, Fields(Assert.Single(discord.Edits, e => e.Id == bot.Id).Embeds[0])[Translated]);
        Assert.Equal(expected, Fields(Assert.Single(discord.Edits, e => e.Id == hook.Id).Embeds[0])[Translated]);
        var update = Assert.Single(slack.Updates, u => u.Channel == posted.Channel && u.Ts == posted.Ts);
        Assert.Equal($"_{Translated}_: *[en] {title}*\n[en] 【kyodo】丹東消息：海關查获走私煤炭。",
            update.Blocks!.Value.EnumerateArray().Where(b => b.GetProperty("type").GetString() == "section").ElementAt(1).GetProperty("text").GetProperty("text").GetString());
        Assert.Single(translator.Accepted, body => Asked(body).Contains(title)); // one request for four destinations
        Assert.Single(slack.Requests, r => r.Path.EndsWith(run.SlackHookPath)); // an incoming webhook cannot edit: only the post
        Assert.DoesNotContain(slack.Updates, u => u.WebhookPath == run.SlackHookPath);
        Assert.Empty(discord.Rejected);
        Assert.Empty(slack.Rejected);
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task The_edit_of_a_message_with_two_cards_keeps_both_when_only_one_was_late(Store store)
    {
        await using var run = await LateRun.StartAsync(this, store, "2");
        var gate = new TaskCompletionSource();
        translator.Script(TranslatorFault.Until(gate.Task)); // whichever of the two asks first is late
        await run.ReportAllAsync("yonhap", [$"丹東 新義州 鐵橋 {run.Id}", $"丹东口岸 集装箱 煤炭 走私案 {run.Id}"]);

        var sent = run.BotMessage();
        Assert.Equal(2, sent.EmbedCount);
        Assert.Equal(1, sent.Embeds.Count(e => Fields(e).ContainsKey(Translated)));
        gate.SetResult();
        await run.EditedAsync(sent);

        var edit = Assert.Single(discord.Edits, e => e.Id == sent.Id);
        Assert.Equal(sent.Embeds.Select(e => e.GetProperty("title").GetString()), edit.Embeds.Select(e => e.GetProperty("title").GetString()));
        Assert.All(edit.Embeds, e => Assert.StartsWith(@"\[en\]", Fields(e)[Translated]));
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task A_refused_edit_is_logged_once_and_dropped_and_later_cards_go_on(Store store)
    {
        var logs = new LogCapture();
        await using var run = await LateRun.StartAsync(this, store, "3", logs);
        var gate = new TaskCompletionSource();
        translator.Script(TranslatorFault.Until(gate.Task));
        await run.ReportAsync("kyodo", $"丹東海關查获走私煤炭 {run.Id}");
        var (bot, hook, posted) = (run.BotMessage(), run.HookMessage(), run.SlackMessage());
        discord.Script(DiscordFault.UnknownWebhook, DiscordFault.RateLimited(30));
        slack.Script(SlackFault.RateLimited(30));
        int Edits() => discord.Requests.Count(r => r.Method == "PATCH") + slack.Requests.Count(r => r.Path.EndsWith("chat.update"));
        var editsBefore = Edits();
        gate.SetResult();
        await Eventually.TrueAsync(() => Task.FromResult(logs.Lines.Count(l => l.Contains("was not edited for its late translation")) == 3),
            "three refused edits logged");

        await run.ReportAsync("cankao", $"丹东口岸恢复通关 {run.Id}");
        var threads = discord.Threads.Where(t => t.ParentChannelId == run.Channel).Select(t => t.Id).ToHashSet();
        Assert.Equal(2, discord.Messages.Count(m => m.ChannelId == run.Channel || threads.Contains(m.ChannelId))); // the second may be a story reply
        Assert.Equal(2, discord.Messages.Count(m => m.WebhookId == run.HookId));
        Assert.Equal(2, slack.Messages.Count(m => m.Channel == run.SlackChannel));
        Assert.Equal(3, Edits() - editsBefore); // one try each, no retry
        Assert.DoesNotContain(discord.Edits, e => e.Id == bot.Id || e.Id == hook.Id);
        Assert.DoesNotContain(slack.Updates, u => u.Ts == posted.Ts);
        Assert.Equal(0, await run.Pipeline.Database.CountAsync("deliveries", "status <> 'sent'"));
        Assert.DoesNotContain("edit", run.Pipeline.Cards.ToString(), StringComparison.OrdinalIgnoreCase); // no notice to the admin
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task Digest_lines_show_their_translated_titles_asked_for_in_one_request(Store store)
    {
        await using var run = await LateRun.StartAsync(this, store, "4", floodBudget: 1);
        string[] titles = [$"丹東 新義州 鐵橋 {run.Id}", $"丹东口岸 集装箱 {run.Id}", $"丹東海關 走私 {run.Id}"];
        await run.ReportAllAsync("rodong", titles);

        var digest = Assert.Single(run.BotMessage().Embeds).GetProperty("description").GetString()!;
        var section = run.SlackMessage().Blocks!.Value[1].GetProperty("text").GetProperty("text").GetString()!;
        foreach (var title in titles)
        {
            Assert.Contains($@"↳ _Machine translation:_ \[en\] {title}", digest);
            Assert.Contains($"↳ _Machine translation:_ [en] {title}", section);
        }
        var asked = Assert.Single(translator.Accepted, body => Asked(body).Any(text => text.Contains(run.Id)));
        Assert.Equal(titles, Asked(asked));
        Assert.Empty(discord.Rejected);
        Assert.Empty(slack.Rejected);
    }

    FakeDiscord Discord => discord;
    FakeSlack Slack => slack;
    FakeLibreTranslate Translator => translator;
    FeedServer Feeds => feeds;

    /// <summary>The texts a translation request asked for (q).</summary>
    static List<string> Asked(string body) => JsonDocument.Parse(body).RootElement.GetProperty("q") is { ValueKind: JsonValueKind.Array } q
        ? [.. q.EnumerateArray().Select(t => t.GetString()!)] : [JsonDocument.Parse(body).RootElement.GetProperty("q").GetString()!];

    static Dictionary<string, string> Fields(JsonElement embed) => embed.GetProperty("fields").EnumerateArray()
        .ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("value").GetString()!);

    /// <summary>One pipeline sending to a Discord bot channel, a Discord webhook, a Slack bot channel and a Slack webhook of its own.</summary>
    sealed class LateRun(LateTranslationTests test, OutletReports reports, string id, string channel, string hookId, string slackChannel) : IAsyncDisposable
    {
        public string Id => id;
        public string Channel => channel;
        public string HookId => hookId;
        public string SlackChannel => slackChannel;
        public string SlackHookPath => $"T0/B{id}/late";
        public Pipeline Pipeline => reports.Pipeline;

        public static async Task<LateRun> StartAsync(LateTranslationTests test, Store store, string name, LogCapture? logs = null, int floodBudget = 0)
        {
            var id = $"{name}{(int)store}{Environment.TickCount64 % 100000}";
            var (channel, hookId, slackChannel) = ("71" + id, "72" + id, "C74" + id);
            test.Discord.AddChannel(channel);
            var hook = test.Discord.AddWebhook(hookId, "tok" + id);
            test.Slack.AddChannel(slackChannel);
            var slackHook = test.Slack.AddWebhook($"T0/B{id}/late");
            var folder = new TempFolder(store);
            File.WriteAllText(folder.RulesYaml, """
                rules:
                  - id: dandong
                    name: Dandong
                    query: 丹东 OR 丹東
                    to: [bot, hook, slack, slackhook]
                """);
            var pipeline = await Pipeline.StartAsync(folder, services => { if (logs is not null) services.AddLogging(b => b.AddProvider(logs)); },
                ("Delivery:FloodBudget", floodBudget.ToString()),
                ("Destinations:bot:Type", "discord-bot"), ("Destinations:bot:Channel", channel),
                ("Destinations:hook:Type", "discord-webhook"), ("Destinations:hook:Url", hook.ToString()),
                ("Destinations:slack:Type", "slack"), ("Destinations:slack:Channel", slackChannel),
                ("Destinations:slackhook:Type", "slack-webhook"), ("Destinations:slackhook:Url", slackHook.ToString()),
                ("Destinations:ops:Type", "console"), ("AdminDestination", "ops"),
                ("Discord:BotToken", test.Discord.BotToken), ("Discord:ApiBaseUrl", test.Discord.ApiBase.ToString()),
                ("Slack:BotToken", test.Slack.BotToken), ("Slack:ApiBaseUrl", test.Slack.ApiBase.ToString()),
                ("Translation:Provider", "libretranslate"), ("Translation:Url", test.Translator.BaseAddress.ToString()),
                ("Translation:TimeoutSeconds", "60"));
            return new LateRun(test, new OutletReports(test.Feeds, folder, pipeline), id, channel, hookId, slackChannel);
        }

        public Task ReportAsync(string outlet, string title) => ReportAllAsync(outlet, [title]);

        public Task ReportAllAsync(string outlet, IReadOnlyList<string> titles) => reports.ReportAllAsync(outlet, [.. titles.Select((title, i) =>
            new Entry(title, $"https://{outlet}.example/news/{id}-{i}.html", Published: DateTimeOffset.UtcNow, Text: $"【{outlet}】{title[..2]}消息：海關查获走私煤炭。"))]);

        public ReceivedDiscordMessage BotMessage() => test.Discord.Messages.Last(m => m.ChannelId == channel);
        public ReceivedDiscordMessage HookMessage() => test.Discord.Messages.Last(m => m.WebhookId == hookId);
        public ReceivedSlackMessage SlackMessage() => test.Slack.Messages.Last(m => m.Channel == slackChannel);

        /// <summary>Waits until each message has been edited.</summary>
        public Task EditedAsync(params object[] messages) => Eventually.TrueAsync(() => Task.FromResult(messages.All(m => m switch
        {
            ReceivedDiscordMessage d => test.Discord.Edits.Any(e => e.Id == d.Id),
            ReceivedSlackMessage s => test.Slack.Updates.Any(u => u.Channel == s.Channel && u.Ts == s.Ts),
            _ => false,
        })), "the late translation's edits");

        public ValueTask DisposeAsync() => reports.DisposeAsync();
    }
}
