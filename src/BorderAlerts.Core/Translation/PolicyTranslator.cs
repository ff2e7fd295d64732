namespace BorderAlerts.Core.Translation;

/// <summary>
/// A provider behind the policy and the budget: sends only the texts worth translating, only while today's budget
/// lasts, never before the time a 429's Retry-After named, and answers with one entry per text asked for (null for
/// those not sent).
/// </summary>
public sealed class PolicyTranslator(ITranslator provider, TranslationPolicy policy, TranslationBudget budget, TimeProvider clock) : ITranslator
{
    long _quietUntilTicks; // UTC ticks before which nothing is sent (a 429's Retry-After)

    public async Task<TranslationResult> TranslateAsync(IReadOnlyList<string> texts, string? sourceLanguage, CancellationToken cancellationToken)
    {
        if (policy.Plan(texts, sourceLanguage, out var reason) is not { } plan) return new TranslationResult.NotNeeded(reason);
        var now = clock.GetUtcNow();
        var quietUntil = new DateTimeOffset(Interlocked.Read(ref _quietUntilTicks), TimeSpan.Zero);
        if (now < quietUntil)
            return new TranslationResult.Unavailable(TranslationFailure.RateLimited, "the translator asked us to wait (429 Retry-After)", quietUntil - now);
        if (!budget.TrySpend(plan.Characters))
            return new TranslationResult.Unavailable(TranslationFailure.BudgetSpent,
                $"the daily budget of {budget.DailyCharacters} characters is spent (BorderAlerts:Translation:DailyCharacterBudget)");
        var result = await provider.TranslateAsync([.. plan.Positions.Select(i => texts[i])], sourceLanguage, cancellationToken);
        if (result is not TranslationResult.Translated translated)
        {
            budget.Refund(plan.Characters);
            if (result is TranslationResult.Unavailable { Kind: TranslationFailure.RateLimited, RetryAfter: { } wait })
                Interlocked.Exchange(ref _quietUntilTicks, (clock.GetUtcNow() + wait).UtcTicks);
            return result;
        }
        var all = new string?[texts.Count];
        for (var n = 0; n < plan.Positions.Count; n++) all[plan.Positions[n]] = translated.Texts[n];
        return translated with { Texts = all };
    }
}
