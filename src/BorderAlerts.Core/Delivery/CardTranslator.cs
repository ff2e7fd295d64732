using BorderAlerts.Core.Storage;
using BorderAlerts.Core.Translation;

namespace BorderAlerts.Core.Delivery;

/// <summary>
/// Puts a machine translation on cards whose item is not in the team's language: the one kept in the store, else one
/// asked for now, the card waiting at most <see cref="Wait"/> for both, never longer. A card never fails for lack of a
/// translation: it goes without. An outage (the translator down, refusing us, over quota) is told to the admin
/// once when it starts and once when it ends, never once per card (per process: each instance tells its own).
/// </summary>
public sealed class CardTranslator(ITranslator translator, ITranslationStore store, TranslationPolicy policy, TimeProvider clock)
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(2);

    /// <summary>
    /// What of <see cref="Wait"/> the translator does not get: reading the kept translation, waking up after the timer and
    /// going on to the send fit in it, so a card is on its way within Wait (a timer set at the limit always overshoots it).
    /// </summary>
    public static readonly TimeSpan Headroom = TimeSpan.FromMilliseconds(100);

    int _down;

    /// <summary>
    /// The card with its translation when one is kept or made in time. Outages go to <paramref name="notify"/>, which
    /// the card waits for: the delivery pass only queues them there, and sends them once its cards have gone.
    /// </summary>
    public async Task<AlertCard> TranslateAsync(AlertCard card, long itemId, Func<string, Task> notify, CancellationToken cancellationToken)
    {
        if (translator is NoTranslator || itemId <= 0 || policy.IsTarget(card.Language)) return card;
        using var timer = new CancellationTokenSource(Wait - Headroom, clock);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        TranslationResult result;
        try
        {
            var kept = await store.ForItemAsync(itemId, policy.TargetLanguage, wait.Token);
            if (kept.FirstOrDefault(t => t.Field == TranslatedFields.Title) is { } title)
                return card with { Translation = new(title.Text, kept.FirstOrDefault(t => t.Field == TranslatedFields.Excerpt)?.Text ?? "", title.Provider) };
            result = await translator.TranslateAsync([card.Title, card.Summary], card.Language, wait.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            result = new TranslationResult.Unavailable(TranslationFailure.Timeout, $"no answer within {Wait.TotalSeconds:0} s");
        }
        switch (result)
        {
            case TranslationResult.Translated { Texts: [{ } t, var s, ..] } done:
                await store.SaveAsync(Stored(itemId, t, s, done.Provider), cancellationToken);
                if (Interlocked.Exchange(ref _down, 0) == 1) await notify("Machine translation works again: cards carry translations.");
                return card with { Translation = new(t, s ?? "", done.Provider) };
            case TranslationResult.Unavailable { Kind: not TranslationFailure.Off and not TranslationFailure.Timeout } failed:
                if (Interlocked.Exchange(ref _down, 1) == 0)
                    await notify($"Machine translation is unavailable ({failed.Kind}: {failed.Message}); cards go without it until it recovers.");
                return card;
            default:
                return card;
        }
    }

    List<StoredTranslation> Stored(long itemId, string title, string? summary, string provider)
    {
        var now = clock.GetUtcNow();
        var kept = new List<StoredTranslation> { new(itemId, TranslatedFields.Title, policy.TargetLanguage, title, provider, now) };
        if (!string.IsNullOrEmpty(summary)) kept.Add(new(itemId, TranslatedFields.Excerpt, policy.TargetLanguage, summary, provider, now));
        return kept;
    }
}
