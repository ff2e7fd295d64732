using System.Collections.Concurrent;
using BorderAlerts.Core.Delivery;
using BorderAlerts.Core.Rules;
using BorderAlerts.Core.Storage;
using BorderAlerts.Core.Translation;
using Moq;

namespace BorderAlerts.Core.Tests.Delivery;

/// <summary>
/// A card waits at most CardTranslator.Wait for its translation; an answer still to come goes on in the background, once
/// per item however many cards ask, up to a cap, and is kept when it comes. The translator is held by a gate the test opens.
/// </summary>
public sealed class LateTranslationRequestTests
{
    readonly Mock<ITranslator> _translator = new();
    readonly KeptTranslations _store = new();
    readonly ConcurrentBag<CancellationToken> _tokens = [];
    readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public LateTranslationRequestTests() =>
        _translator.Setup(t => t.TranslateAsync(It.IsAny<IReadOnlyList<string>>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .Returns(async (IReadOnlyList<string> texts, string? _, CancellationToken token) =>
            {
                _tokens.Add(token);
                await _gate.Task.WaitAsync(token);
                return new TranslationResult.Translated([.. texts.Select(t => "[en] " + t)], "zh", "fake");
            });

    CardTranslator Translator(int capacity = TranslationRequests.DefaultCapacity) =>
        new(_translator.Object, _store, new TranslationPolicy("en"), TimeProvider.System, new TranslationRequests(capacity));

    static AlertCard Card(string title) => new()
    {
        AlertId = 1, Title = title, Summary = title + "消息", Language = "zh-CN", SourceId = "s", SourceName = "S",
        Severity = Severity.Normal, RuleId = "r", RuleName = "R",
    };

    static Task Nothing(string _) => Task.CompletedTask;

    [Fact]
    public async Task A_card_goes_without_a_late_translation_and_the_request_goes_on_and_is_kept_when_it_comes()
    {
        using var translator = Translator();

        var sent = await translator.TranslateAsync(Card("丹东海关"), 7, Nothing, CancellationToken.None);
        Assert.Null(sent.Card.Translation);
        Assert.NotNull(sent.Late);
        _gate.SetResult();

        Assert.Equal(new CardTranslation("[en] 丹东海关", "[en] 丹东海关消息", "fake"), await sent.Late);
        Assert.Equal("[en] 丹东海关消息", Assert.Single(_store.Saved, t => t.ItemId == 7 && t.Field == TranslatedFields.Excerpt).Text);
        Assert.Equal("[en] 丹东海关", (await translator.WithKeptAsync(Card("丹东海关"), 7, CancellationToken.None)).Translation?.Title);
    }

    [Fact]
    public async Task Cards_of_the_same_item_at_several_destinations_share_one_request()
    {
        using var translator = Translator();

        var cards = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => translator.TranslateAsync(Card("丹东海关"), 7, Nothing, CancellationToken.None)));
        _gate.SetResult();
        await Task.WhenAll(cards.Select(c => c.Late!));

        _translator.Verify(t => t.TranslateAsync(It.IsAny<IReadOnlyList<string>>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()), Times.Once);
        Assert.All(cards, c => Assert.Same(cards[0].Late, c.Late));
    }

    [Fact]
    public async Task Beyond_the_cap_a_late_request_is_cancelled_and_its_card_goes_without()
    {
        using var translator = Translator(capacity: 1);

        var cards = await Task.WhenAll(new[] { 7L, 8L }.Select(item => translator.TranslateAsync(Card("丹东" + item), item, Nothing, CancellationToken.None)));

        Assert.Single(cards, c => c.Late is not null);
        Assert.Single(_tokens, t => t.IsCancellationRequested);
    }

    [Fact]
    public async Task Stopping_cancels_the_late_requests_so_none_holds_the_process()
    {
        var translator = Translator();
        var sent = await translator.TranslateAsync(Card("丹东海关"), 7, Nothing, CancellationToken.None);

        translator.Dispose();

        Assert.Null(await sent.Late!);
        Assert.All(_tokens, t => Assert.True(t.IsCancellationRequested));
        Assert.Empty(_store.Saved);
    }

    sealed class KeptTranslations : ITranslationStore
    {
        public ConcurrentBag<StoredTranslation> Saved { get; } = [];

        public Task SaveAsync(IReadOnlyList<StoredTranslation> translations, CancellationToken cancellationToken)
        {
            foreach (var t in translations) Saved.Add(t);
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<StoredTranslation>> ForItemAsync(long itemId, string language, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<StoredTranslation>>([.. Saved.Where(t => t.ItemId == itemId && t.Language == language)]);
    }
}
