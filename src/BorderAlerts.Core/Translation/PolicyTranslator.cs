namespace BorderAlerts.Core.Translation;

/// <summary>
/// A provider behind the policy and the budget: sends only the texts worth translating, only while today's budget
/// lasts, and answers with one entry per text asked for (null for those not sent).
/// </summary>
public sealed class PolicyTranslator(ITranslator provider, TranslationPolicy policy, TranslationBudget budget) : ITranslator
{
    public async Task<TranslationResult> TranslateAsync(IReadOnlyList<string> texts, string? sourceLanguage, CancellationToken cancellationToken)
    {
        if (policy.Plan(texts, sourceLanguage, out var reason) is not { } plan) return new TranslationResult.NotNeeded(reason);
        if (!budget.TrySpend(plan.Characters))
            return new TranslationResult.Unavailable(TranslationFailure.BudgetSpent,
                $"the daily budget of {budget.DailyCharacters} characters is spent (BorderAlerts:Translation:DailyCharacterBudget)");
        var result = await provider.TranslateAsync([.. plan.Positions.Select(i => texts[i])], sourceLanguage, cancellationToken);
        if (result is not TranslationResult.Translated translated)
        {
            budget.Refund(plan.Characters);
            return result;
        }
        var all = new string?[texts.Count];
        for (var n = 0; n < plan.Positions.Count; n++) all[plan.Positions[n]] = translated.Texts[n];
        return translated with { Texts = all };
    }
}
