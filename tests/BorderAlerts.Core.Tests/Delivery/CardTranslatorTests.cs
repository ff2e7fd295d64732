using BorderAlerts.Core.Delivery;
using BorderAlerts.Core.Rules;
using BorderAlerts.Core.Storage;
using BorderAlerts.Core.Translation;
using Microsoft.Extensions.Time.Testing;

namespace BorderAlerts.Core.Tests.Delivery;

/// <summary>
/// A card is held for its translation at most <see cref="CardTranslator.Wait"/>, all told: the translator gets less, so
/// the card is already on its way when the 2 s are up (a timer set at the limit would always overshoot it).
/// </summary>
public sealed class CardTranslatorTests
{
    readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 6, 21, 0, 0, TimeSpan.Zero));

    static readonly AlertCard Card = new()
    {
        AlertId = 1, Title = "丹东海关查获走私煤炭", SourceId = "cankao", SourceName = "Cankao", Language = "zh-Hans",
        Severity = Severity.Normal, RuleId = "dandong", RuleName = "Dandong", Summary = "丹东消息",
    };

    [Fact]
    public async Task A_translator_that_never_answers_lets_the_card_go_before_its_two_seconds_are_up()
    {
        var translator = new SilentTranslator();
        using var cards = new CardTranslator(translator, new NothingKept(), new TranslationPolicy("en"), _clock);

        var card = cards.TranslateAsync(Card, itemId: 7, _ => Task.CompletedTask, CancellationToken.None);
        await translator.Asked.Task;
        _clock.Advance(CardTranslator.Wait - TimeSpan.FromMilliseconds(1));

        // The fake clock stands still from here: only its timer, at 1.9 s, can let the card go (the real-time limit
        // below is far shorter than the translator's own 5 s timeout).
        var done = await card.WaitAsync(TimeSpan.FromSeconds(3));
        Assert.Null(done.Card.Translation);
        Assert.NotNull(done.Late); // the request goes on, so the sent card can be edited when it answers
    }

    /// <summary>Answers only by giving up when the caller cancels, at once (its continuations run inline).</summary>
    sealed class SilentTranslator : ITranslator
    {
        public TaskCompletionSource Asked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<TranslationResult> TranslateAsync(IReadOnlyList<string> texts, string? sourceLanguage, CancellationToken cancellationToken)
        {
            var answer = new TaskCompletionSource<TranslationResult>();
            cancellationToken.Register(() => answer.TrySetCanceled(cancellationToken));
            Asked.TrySetResult();
            return answer.Task;
        }
    }

    sealed class NothingKept : ITranslationStore
    {
        public Task SaveAsync(IReadOnlyList<StoredTranslation> translations, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<IReadOnlyList<StoredTranslation>> ForItemAsync(long itemId, string language, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<StoredTranslation>>([]);
    }
}
