using BorderAlerts.Core.Storage;
using BorderAlerts.Core.Translation;

namespace BorderAlerts.Core.Delivery;

/// <summary>A card as translation left it, and the translation still to come when the card stopped waiting for it (null: none).</summary>
public sealed record TranslatedCard(AlertCard Card, Task<CardTranslation?>? Late);

/// <summary>
/// Puts a machine translation on cards whose item is not in the team's language: the one kept in the store, else one
/// asked for now, waiting at most <see cref="Wait"/> so a card is never held longer for it. A card never fails for lack
/// of a translation: it goes without, and the request goes on (<see cref="TranslationRequests"/>) so the sent card can be
/// edited when it comes. Digest lines get their titles translated in one request. An outage (the translator down,
/// refusing us, over quota) is told to the admin once when it starts and once when it ends, never once per card, and
/// with <c>told</c> (the store's source conditions) once across the instances sharing the store.
/// </summary>
/// <param name="told">Where outages told are kept, so that of several instances only one tells each start and end.</param>
public sealed class CardTranslator(ITranslator translator, ITranslationStore store, TranslationPolicy policy, TimeProvider clock,
    TranslationRequests? requests = null, ISourceConditions? told = null) : IDisposable
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(2);

    /// <summary>
    /// What of <see cref="Wait"/> the card does not spend waiting: waking up after the timer and going on to the send fit
    /// in it, so a card is on its way within Wait (a timer set at the limit always overshoots it).
    /// </summary>
    public static readonly TimeSpan Headroom = TimeSpan.FromMilliseconds(100);

    readonly TranslationRequests _requests = requests ?? new();
    /// <summary>Digests take turns, so the same titles going to several destinations are asked for once.</summary>
    readonly SemaphoreSlim _titles = new(1, 1);
    int _down, _startChecked;

    /// <summary>The outage as the source-health conditions keep it: no feed id can be "(translator)".</summary>
    static readonly SourceCondition Outage = new("(translator)", "down");

    /// <summary>The card with its translation when one is kept or made in time; with <paramref name="notify"/> for outages.</summary>
    public async Task<TranslatedCard> TranslateAsync(AlertCard card, long itemId, Func<string, Task> notify, CancellationToken cancellationToken)
    {
        if (!Wanted(card, itemId)) return new(card, null);
        var answer = _requests.Join(itemId, token => AskAsync(card, itemId, notify, token));
        using (var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            await Task.WhenAny(answer, Task.Delay(Wait - Headroom, clock, wait.Token));
            wait.Cancel();
        }
        cancellationToken.ThrowIfCancellationRequested();
        if (answer.IsCompleted) return new(await answer is { } done ? card with { Translation = done } : card, null);
        return new(card, _requests.GoOnLate(itemId) ? answer : null);
    }

    /// <summary>The card with the translation kept for its item, if any (an edit renders a sent card again with it).</summary>
    public async Task<AlertCard> WithKeptAsync(AlertCard card, long itemId, CancellationToken cancellationToken) =>
        Wanted(card, itemId) && await KeptAsync(itemId, cancellationToken) is { } kept ? card with { Translation = kept } : card;

    /// <summary>
    /// Digest lines: each card with its title translated, kept or made now, the missing ones in one request per source
    /// language, waiting at most <see cref="Wait"/>. A digest is never edited, so nothing goes on after the wait.
    /// </summary>
    public async Task<IReadOnlyList<AlertCard>> TitlesAsync(IReadOnlyList<AlertCard> cards, IReadOnlyList<long> itemIds, Func<string, Task> notify,
        CancellationToken cancellationToken)
    {
        if (!cards.Where((card, i) => Wanted(card, itemIds[i])).Any()) return cards;
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(Wait - Headroom);
        try { await _titles.WaitAsync(wait.Token); }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested) { return cards; }
        try { return await TitlesInTurnAsync([.. cards], itemIds, notify, wait.Token, cancellationToken); }
        finally { _titles.Release(); }
    }

    async Task<AlertCard[]> TitlesInTurnAsync(AlertCard[] done, IReadOnlyList<long> itemIds, Func<string, Task> notify, CancellationToken wait,
        CancellationToken cancellationToken)
    {
        var missing = new List<int>();
        for (int i = 0; i < done.Length; i++)
        {
            if (!Wanted(done[i], itemIds[i])) continue;
            if (await KeptAsync(itemIds[i], cancellationToken) is { } kept) done[i] = done[i] with { Translation = kept };
            else missing.Add(i);
        }
        foreach (var language in missing.GroupBy(i => done[i].Language))
        {
            var at = language.ToList();
            TranslationResult result;
            try { result = await translator.TranslateAsync([.. at.Select(i => done[i].Title)], language.Key, wait); }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested) { break; }
            if (await ReadAsync(result, notify) is not { } translated) continue;
            var now = clock.GetUtcNow();
            var kept = new List<StoredTranslation>();
            for (int n = 0; n < at.Count; n++)
            {
                if (translated.Texts[n] is not { } title) continue;
                done[at[n]] = done[at[n]] with { Translation = new(title, "", translated.Provider) };
                kept.Add(new(itemIds[at[n]], TranslatedFields.Title, policy.TargetLanguage, title, translated.Provider, now));
            }
            await store.SaveAsync(kept, cancellationToken);
        }
        return done;
    }

    bool Wanted(AlertCard card, long itemId) => translator is not NoTranslator && itemId > 0 && !policy.IsTarget(card.Language);

    async Task<CardTranslation?> KeptAsync(long itemId, CancellationToken cancellationToken)
    {
        var kept = await store.ForItemAsync(itemId, policy.TargetLanguage, cancellationToken);
        return kept.FirstOrDefault(t => t.Field == TranslatedFields.Title) is { } title
            ? new(title.Text, kept.FirstOrDefault(t => t.Field == TranslatedFields.Excerpt)?.Text ?? "", title.Provider) : null;
    }

    /// <summary>One item's request, kept translation first; it runs on after its card stopped waiting, so it saves what it gets.</summary>
    async Task<CardTranslation?> AskAsync(AlertCard card, long itemId, Func<string, Task> notify, CancellationToken cancellationToken)
    {
        if (await KeptAsync(itemId, cancellationToken) is { } kept) return kept;
        var result = await translator.TranslateAsync([card.Title, card.Summary], card.Language, cancellationToken);
        if (await ReadAsync(result, notify) is not { Texts: [{ } title, var summary, ..] } translated) return null;
        await store.SaveAsync(Stored(itemId, title, summary, translated.Provider), cancellationToken);
        return new(title, summary ?? "", translated.Provider);
    }

    /// <summary>The translation, or null; an outage's start and end told once each.</summary>
    async Task<TranslationResult.Translated?> ReadAsync(TranslationResult result, Func<string, Task> notify)
    {
        switch (result)
        {
            case TranslationResult.Translated done:
                var wasDown = Interlocked.Exchange(ref _down, 0) == 1;
                // An outage told by an instance that stopped before it ended is ended by the first success after a start.
                var firstSinceStart = Interlocked.Exchange(ref _startChecked, 1) == 0 && told is not null;
                if ((wasDown || firstSinceStart) && (told is null || await told.TryCloseAsync(Outage, CancellationToken.None)))
                    await notify("Machine translation works again: cards carry translations.");
                return done;
            case TranslationResult.Unavailable { Kind: not TranslationFailure.Off and not TranslationFailure.Timeout } failed:
                if (Interlocked.Exchange(ref _down, 1) == 0 && (told is null || await told.TryOpenAsync(Outage, clock.GetUtcNow(), CancellationToken.None)))
                    await notify($"Machine translation is unavailable ({failed.Kind}: {failed.Message}); cards go without it until it recovers.");
                return null;
            default:
                return null;
        }
    }

    List<StoredTranslation> Stored(long itemId, string title, string? summary, string provider)
    {
        var now = clock.GetUtcNow();
        var kept = new List<StoredTranslation> { new(itemId, TranslatedFields.Title, policy.TargetLanguage, title, provider, now) };
        if (!string.IsNullOrEmpty(summary)) kept.Add(new(itemId, TranslatedFields.Excerpt, policy.TargetLanguage, summary, provider, now));
        return kept;
    }

    public void Dispose() => _requests.Dispose();
}
