using BorderAlerts.Core.Translation;
using Moq;

namespace BorderAlerts.Core.Tests.Translation;

/// <summary>
/// The provider behind the policy and the daily budget: only what is worth translating is sent, while the budget lasts
/// (a failed request costs nothing) and not before a 429's Retry-After, and the answer lines up with the texts asked for.
/// </summary>
public sealed class PolicyTranslatorTests
{
    readonly Mock<ITranslator> _provider = new();
    readonly DayClock _clock = new();

    PolicyTranslator Translator(long budget) =>
        new(_provider.Object, new TranslationPolicy("en"), new TranslationBudget(budget, _clock), _clock);

    void Answers(TranslationResult result) =>
        _provider.Setup(p => p.TranslateAsync(It.IsAny<IReadOnlyList<string>>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IReadOnlyList<string> texts, string? _, CancellationToken _) =>
                result is TranslationResult.Translated ? new TranslationResult.Translated([.. texts.Select(t => "[en] " + t)], "zh", "fake") : result);

    [Fact]
    public async Task Only_the_non_empty_texts_are_sent_and_the_answer_has_one_entry_per_text_asked_for()
    {
        Answers(new TranslationResult.Translated([], null, "fake"));

        var result = await Translator(0).TranslateAsync(["丹东", "", "煤炭"], "zh-CN", CancellationToken.None);

        var translated = Assert.IsType<TranslationResult.Translated>(result);
        Assert.Equal(["[en] 丹东", null, "[en] 煤炭"], translated.Texts);
        _provider.Verify(p => p.TranslateAsync(new[] { "丹东", "煤炭" }, "zh-CN", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task An_item_already_in_the_target_language_never_reaches_the_provider()
    {
        var result = await Translator(0).TranslateAsync(["Dandong customs seize coal"], "en-US", CancellationToken.None);

        Assert.IsType<TranslationResult.NotNeeded>(result);
        _provider.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Once_the_daily_budget_is_spent_nothing_is_sent_until_the_next_day()
    {
        Answers(new TranslationResult.Translated([], null, "fake"));
        var translator = Translator(budget: 10);

        var first = await translator.TranslateAsync(["丹东海关查获煤炭"], "zh", CancellationToken.None); // 8 of 10
        var second = await translator.TranslateAsync(["新义州口岸"], "zh", CancellationToken.None); // 5 more would exceed 10
        _clock.Now = _clock.Now.AddDays(1);
        var nextDay = await translator.TranslateAsync(["新义州口岸"], "zh", CancellationToken.None);

        Assert.IsType<TranslationResult.Translated>(first);
        Assert.Equal(TranslationFailure.BudgetSpent, Assert.IsType<TranslationResult.Unavailable>(second).Kind);
        Assert.IsType<TranslationResult.Translated>(nextDay);
        _provider.Verify(p => p.TranslateAsync(It.IsAny<IReadOnlyList<string>>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task A_failed_request_gives_its_characters_back_to_the_budget()
    {
        Answers(new TranslationResult.Unavailable(TranslationFailure.Down, "libretranslate could not be reached"));
        var translator = Translator(budget: 8);

        var failed = await translator.TranslateAsync(["丹东海关查获煤炭"], "zh", CancellationToken.None);
        Answers(new TranslationResult.Translated([], null, "fake"));
        var retried = await translator.TranslateAsync(["丹东海关查获煤炭"], "zh", CancellationToken.None);

        Assert.Equal(TranslationFailure.Down, Assert.IsType<TranslationResult.Unavailable>(failed).Kind);
        Assert.IsType<TranslationResult.Translated>(retried);
    }

    [Fact]
    public async Task After_a_429_nothing_is_sent_until_its_retry_after_has_passed()
    {
        Answers(new TranslationResult.Unavailable(TranslationFailure.RateLimited, "deepl answered 429", TimeSpan.FromSeconds(30)));
        var translator = Translator(0);

        await translator.TranslateAsync(["丹东"], "zh", CancellationToken.None);
        _clock.Now = _clock.Now.AddSeconds(20);
        var waiting = await translator.TranslateAsync(["丹东"], "zh", CancellationToken.None);
        Answers(new TranslationResult.Translated([], null, "fake"));
        _clock.Now = _clock.Now.AddSeconds(10);
        var after = await translator.TranslateAsync(["丹东"], "zh", CancellationToken.None);

        var held = Assert.IsType<TranslationResult.Unavailable>(waiting);
        Assert.Equal((TranslationFailure.RateLimited, TimeSpan.FromSeconds(10)), (held.Kind, held.RetryAfter));
        Assert.IsType<TranslationResult.Translated>(after);
        _provider.Verify(p => p.TranslateAsync(It.IsAny<IReadOnlyList<string>>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task A_budget_of_zero_is_unlimited()
    {
        Answers(new TranslationResult.Translated([], null, "fake"));
        var translator = Translator(budget: 0);

        var results = new List<TranslationResult>();
        for (var i = 0; i < 5; i++) results.Add(await translator.TranslateAsync([new string('丹', 100_000)], "zh", CancellationToken.None));

        Assert.All(results, r => Assert.IsType<TranslationResult.Translated>(r));
    }

    sealed class DayClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 6, 23, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => Now;
    }
}
