using BorderAlerts.Core.Delivery;
using BorderAlerts.Core.Rules;
using BorderAlerts.Core.Storage;
using BorderAlerts.Core.Translation;
using BorderAlerts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlerts.Tests.Delivery;

/// <summary>
/// A translator outage is told to the admin once when it starts and once when it ends across the instances sharing a
/// store, as source-health conditions are, and one told by an instance that stopped before it ended is still ended.
/// </summary>
public sealed class TranslatorOutageAcrossInstancesTests
{
    static readonly AlertCard Card = new()
    {
        AlertId = 1, Title = "丹东海关查获走私煤炭", SourceId = "cankao", SourceName = "Cankao", Language = "zh-Hans",
        Severity = Severity.Normal, RuleId = "dandong", RuleName = "Dandong",
    };

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task Two_instances_tell_an_outage_and_its_end_once_and_a_restarted_one_ends_an_outage_told_before(Store store)
    {
        using var folder = new TempFolder(store);
        await using var first = await Pipeline.StartAsync(folder);
        await using var second = await Pipeline.StartAsync(folder);
        var translator = new SwitchedTranslator();
        var notices = new List<string>();
        Task Notify(string text) { lock (notices) notices.Add(text); return Task.CompletedTask; }
        var item = 1L;

        using (var a = Translator(first, translator))
        using (var b = Translator(second, translator))
        {
            foreach (var instance in new[] { a, b, a, b }) await instance.TranslateAsync(Card, item++, Notify, CancellationToken.None);
            Assert.Equal(["Machine translation is unavailable (Down: refused); cards go without it until it recovers."], notices);

            translator.Up = true;
            foreach (var instance in new[] { a, b, a }) await instance.TranslateAsync(Card, item++, Notify, CancellationToken.None);
            Assert.Equal(2, notices.Count);
            Assert.Equal("Machine translation works again: cards carry translations.", notices[1]);

            translator.Up = false;
            await a.TranslateAsync(Card, item++, Notify, CancellationToken.None); // a new outage is told again …
            Assert.Equal(3, notices.Count);
        }
        translator.Up = true;
        using var restarted = Translator(second, translator); // … and its teller stops before it ends
        await restarted.TranslateAsync(Card, item++, Notify, CancellationToken.None);
        await restarted.TranslateAsync(Card, item++, Notify, CancellationToken.None);
        Assert.Equal(4, notices.Count);
        Assert.StartsWith("Machine translation works again", notices[3]);
    }

    /// <summary>An instance's translator: its own process state, the store's source conditions (translations are not kept here).</summary>
    static CardTranslator Translator(Pipeline instance, ITranslator translator) => new(translator, new NothingKept(),
        new TranslationPolicy("en"), TimeProvider.System, told: instance.Services.GetRequiredService<ISourceConditions>());

    sealed class NothingKept : ITranslationStore
    {
        public Task SaveAsync(IReadOnlyList<StoredTranslation> translations, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<IReadOnlyList<StoredTranslation>> ForItemAsync(long itemId, string language, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<StoredTranslation>>([]);
    }

    /// <summary>Translates at once while <see cref="Up"/>; otherwise refuses, as a translator that is down.</summary>
    sealed class SwitchedTranslator : ITranslator
    {
        public volatile bool Up;

        public Task<TranslationResult> TranslateAsync(IReadOnlyList<string> texts, string? sourceLanguage, CancellationToken cancellationToken) =>
            Task.FromResult<TranslationResult>(Up
                ? new TranslationResult.Translated([.. texts.Select(t => (string?)("[en] " + t))], null, "fake")
                : new TranslationResult.Unavailable(TranslationFailure.Down, "refused"));
    }
}
