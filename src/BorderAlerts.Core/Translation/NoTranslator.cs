namespace BorderAlerts.Core.Translation;

/// <summary>Provider none (the default): every text goes without translation, and nothing leaves the process.</summary>
public sealed class NoTranslator : ITranslator
{
    public Task<TranslationResult> TranslateAsync(IReadOnlyList<string> texts, string? sourceLanguage, CancellationToken cancellationToken) =>
        Task.FromResult<TranslationResult>(new TranslationResult.Unavailable(TranslationFailure.Off, "translation is off (BorderAlerts:Translation:Provider is none)"));
}
