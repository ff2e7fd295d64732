using System.Text.Json;
using BorderAlerts.Core.Search;
using BorderAlerts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlerts.Tests.Delivery;

/// <summary>
/// Cards carry a machine translation under the original when a translator is set up (LibreTranslate here, a fake on
/// loopback), kept in the store; a translator that is down or slow never holds a card back, and its outage is told to
/// the admin once, not once per card.
/// </summary>
public sealed class TranslatedCardTests(FeedServer feeds, FakeDiscord discord, FakeLibreTranslate translator)
    : IClassFixture<FeedServer>, IClassFixture<FakeDiscord>, IClassFixture<FakeLibreTranslate>
{
    const string Rules = """
        rules:
          - id: dandong
            name: Dandong
            query: 丹东 OR 丹東
            to: [main]
        """;

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task A_card_shows_the_translation_under_the_original_and_the_store_keeps_it(Store store)
    {
        var channel = "88" + (int)store;
        await using var run = await StartAsync(store, channel);
        await run.ReportAsync("kyodo", "丹東海關查获走私煤炭");

        var fields = Fields(Assert.Single(discord.Messages, m => m.ChannelId == channel));
        Assert.Equal(@"\[en\] 丹東海關查获走私煤炭" + "\n" + @"\[en\] 【kyodo】丹東消息：海關查获走私煤炭。", fields["Machine translation (libretranslate)"]);
        Assert.Equal(2, await run.Pipeline.Database.CountAsync("translations", "language = 'en' AND provider = 'libretranslate'"));
        Assert.Empty(discord.Rejected);
        var found = await run.Pipeline.Services.GetRequiredService<ArchiveSearch>().SearchAsync(new SearchRequest("走私", 10), CancellationToken.None);
        Assert.Equal("[en] 丹東海關查获走私煤炭", Assert.Single(found.Hits).TranslatedTitle); // search shows the kept translation
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task A_translator_down_or_slow_holds_no_card_back_and_its_outage_is_told_once(Store store)
    {
        var channel = "89" + (int)store;
        await using var run = await StartAsync(store, channel);
        translator.Script(TranslatorFault.ServerError, TranslatorFault.ServerError);
        await run.ReportAsync("kyodo", "丹東海關查获走私煤炭");
        await run.ReportAsync("cankao", "丹东口岸恢复通关");
        translator.Script(TranslatorFault.Slow(TimeSpan.FromSeconds(10)));
        await run.ReportAsync("yonhap", "丹東 新義州 鐵橋");
        await run.ReportAsync("rodong", "丹东 集装箱");

        var threads = discord.Threads.Where(t => t.ParentChannelId == channel).Select(t => t.Id).ToHashSet();
        var cards = discord.Messages.Where(m => m.ChannelId == channel || threads.Contains(m.ChannelId)).Select(Fields).ToList();
        Assert.Equal(4, cards.Count); // every card went (a later one may be a reply in the first one's story thread)
        Assert.Equal([false, false, false, true], cards.Select(c => c.ContainsKey("Machine translation (libretranslate)")));
        var notices = run.Pipeline.Cards.ToString();
        Assert.Equal(1, Count(notices, "Machine translation is unavailable (Down"));
        Assert.Equal(1, Count(notices, "Machine translation works again"));
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task The_outage_notice_goes_after_the_cards_so_a_slow_admin_channel_never_holds_a_card_back(Store store)
    {
        var (channel, ops) = ("92" + (int)store, "93" + (int)store);
        await using var run = await StartAsync(store, channel, ops);
        translator.Script(TranslatorFault.ServerError);
        await run.ReportAsync("kyodo", "丹東海關查获走私煤炭");

        var sent = discord.Messages.Where(m => m.ChannelId == channel || m.ChannelId == ops).ToList();
        Assert.Equal([channel, ops], sent.Select(m => m.ChannelId)); // the card first, then the admin's notice
        Assert.Contains("Machine translation is unavailable", sent[1].Content);
    }

    static int Count(string text, string what) => (text.Length - text.Replace(what, "").Length) / what.Length;

    /// <param name="opsChannel">The admin destination's Discord channel; null: the console.</param>
    async Task<Run> StartAsync(Store store, string channel, string? opsChannel = null)
    {
        discord.AddChannel(channel);
        if (opsChannel is not null) discord.AddChannel(opsChannel);
        var folder = new TempFolder(store);
        File.WriteAllText(folder.RulesYaml, Rules);
        return new Run(new OutletReports(feeds, folder, await Pipeline.StartAsync(folder,
            ("Delivery:FloodBudget", "0"), ("Destinations:main:Type", "discord-bot"), ("Destinations:main:Channel", channel),
            ("Destinations:ops:Type", opsChannel is null ? "console" : "discord-bot"), ("Destinations:ops:Channel", opsChannel ?? ""), ("AdminDestination", "ops"),
            ("Discord:BotToken", discord.BotToken), ("Discord:ApiBaseUrl", discord.ApiBase.ToString()),
            ("Translation:Provider", "libretranslate"), ("Translation:Url", translator.BaseAddress.ToString()))));
    }

    static Dictionary<string, string> Fields(ReceivedDiscordMessage message) => Assert.Single(message.Embeds).GetProperty("fields").EnumerateArray()
        .ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("value").GetString()!);

    /// <summary>One outlet's story (a different event each time), polled and delivered.</summary>
    sealed class Run(OutletReports reports) : IAsyncDisposable
    {
        public Pipeline Pipeline => reports.Pipeline;

        public Task ReportAsync(string outlet, string title) => reports.ReportAsync(outlet,
            new Entry(title, $"https://{outlet}.example/news/1.html", Published: DateTimeOffset.UtcNow, Text: $"【{outlet}】{title[..2]}消息：海關查获走私煤炭。"));

        public ValueTask DisposeAsync() => reports.DisposeAsync();
    }
}
