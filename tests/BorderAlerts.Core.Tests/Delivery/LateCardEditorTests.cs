using BorderAlerts.Core.Delivery;
using BorderAlerts.Core.Feeds;
using BorderAlerts.Core.Rules;
using BorderAlerts.Core.Storage;
using BorderAlerts.Core.Translation;
using Microsoft.Extensions.Logging;
using Moq;

namespace BorderAlerts.Core.Tests.Delivery;

/// <summary>
/// What a late translation edits, decided in the core: the whole message, every card of it rebuilt from the outbox with
/// the translations kept now, handed to a sink that can edit; nothing where the platform cannot, and a refusal is one log line.
/// </summary>
public sealed class LateCardEditorTests
{
    static readonly SentMessage Message = new("main", "m1", null, DeliveryKind.Card);
    static readonly CardTranslation Late = new("[en] Dandong customs", "", "fake");

    readonly Mock<ISentMessages> _sent = new();
    readonly Mock<IDestinations> _destinations = new();
    readonly Mock<ITranslationStore> _store = new();
    readonly RecordingLogger<LateCardEditor> _log = new();

    LateCardEditor Editor()
    {
        var rules = new Mock<IRuleSource>();
        rules.Setup(r => r.Current).Returns(RuleSet.Compile(RulesFile.Parse("rules:\n  - id: r\n    query: Dandong\n", "rules.yaml")));
        var catalog = new Mock<IFeedCatalog>();
        catalog.Setup(c => c.Current()).Returns(([], 1));
        var translator = new CardTranslator(Mock.Of<ITranslator>(), _store.Object, new TranslationPolicy("en"), TimeProvider.System);
        return new LateCardEditor(_sent.Object, _destinations.Object, new CardFactory(catalog.Object, rules.Object), translator, _log);
    }

    Mock<IEditableSink> Editable(DeliveryOutcome answer, TaskCompletionSource<ChatMessage>? edited = null)
    {
        var sink = new Mock<IEditableSink>();
        sink.Setup(s => s.CanEdit(DeliveryKind.Card)).Returns(true);
        sink.Setup(s => s.EditAsync(Message, It.IsAny<ChatMessage>(), It.IsAny<CancellationToken>()))
            .Callback((SentMessage _, ChatMessage message, CancellationToken _) => edited?.TrySetResult(message)).ReturnsAsync(answer);
        _destinations.Setup(d => d.Find("main")).Returns(sink.As<IChatSink>().Object);
        return sink;
    }

    void Sent(params long[] items)
    {
        _sent.Setup(s => s.SentInAsync("main", "m1", It.IsAny<CancellationToken>())).ReturnsAsync([.. items.Select(item =>
            new OutboxEntry(item, "main", DeliveryKind.Card, 0, new AlertSnapshot(item, "kyodo", $"丹东 {item}", null, "", "zh", null, "r", "R", Severity.Normal, [])
                { ItemId = item }))]);
        _store.Setup(s => s.ForItemAsync(It.IsAny<long>(), "en", It.IsAny<CancellationToken>())).ReturnsAsync((long item, string _, CancellationToken _) =>
            [new StoredTranslation(item, TranslatedFields.Title, "en", $"[en] Dandong {item}", "fake", DateTimeOffset.UtcNow)]);
    }

    [Fact]
    public async Task A_late_translation_edits_the_whole_message_every_card_with_the_translation_kept_now()
    {
        Sent(7, 8);
        var edited = new TaskCompletionSource<ChatMessage>();
        Editable(new DeliveryOutcome.Delivered("m1"), edited);

        Editor().EditWhenTranslated(Message, [Task.FromResult<CardTranslation?>(Late)]);

        var cards = Assert.IsType<ChatMessage.Cards>(await edited.Task.WaitAsync(TimeSpan.FromSeconds(10))).Items;
        Assert.Equal(["[en] Dandong 7", "[en] Dandong 8"], cards.Select(c => c.Translation?.Title));
        Assert.Equal(["丹东 7", "丹东 8"], cards.Select(c => c.Title));
    }

    [Fact]
    public void Nothing_is_edited_where_the_platform_cannot_edit_or_no_translation_came()
    {
        Sent(7);
        _destinations.Setup(d => d.Find("hook")).Returns(Mock.Of<IChatSink>()); // a Slack incoming webhook, say
        var sink = Editable(new DeliveryOutcome.Delivered("m1"));
        var editor = Editor();

        editor.EditWhenTranslated(Message with { Destination = "hook" }, [Task.FromResult<CardTranslation?>(Late)]);
        editor.EditWhenTranslated(Message with { Kind = DeliveryKind.Reply }, [Task.FromResult<CardTranslation?>(Late)]);
        editor.EditWhenTranslated(Message, [Task.FromResult<CardTranslation?>(null)]);

        sink.Verify(s => s.EditAsync(It.IsAny<SentMessage>(), It.IsAny<ChatMessage>(), It.IsAny<CancellationToken>()), Times.Never);
        _sent.Verify(s => s.SentInAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_refused_edit_is_one_warning_and_nothing_else()
    {
        Sent(7);
        var edited = new TaskCompletionSource<ChatMessage>();
        var sink = Editable(new DeliveryOutcome.Permanent("Discord 404 10008 Unknown Message"), edited);

        Editor().EditWhenTranslated(Message, [Task.FromResult<CardTranslation?>(Late)]);
        await edited.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await Eventually(() => _log.Entries.Any(e => e.Level == LogLevel.Warning));
        var warning = Assert.Single(_log.Entries);
        Assert.Contains("m1 at main was not edited", warning.Message);
        sink.Verify(s => s.EditAsync(It.IsAny<SentMessage>(), It.IsAny<ChatMessage>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    static async Task Eventually(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++) await Task.Delay(25);
        Assert.True(condition());
    }
}
