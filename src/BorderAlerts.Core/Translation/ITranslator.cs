namespace BorderAlerts.Core.Translation;

/// <summary>
/// A machine translator (LibreTranslate, DeepL, or none). Translated text is untrusted like feed text: whoever shows it
/// escapes it as feed text (no mentions, no links). Expected failures are <see cref="TranslationResult.Unavailable"/>
/// values, never exceptions, so a card never fails for lack of a translation.
/// </summary>
public interface ITranslator
{
    /// <summary>
    /// Translates <paramref name="texts"/> into the configured target language, in one request.
    /// <paramref name="sourceLanguage"/> is the feed's language tag (<c>zh-CN</c>, <c>ko</c>), or null to let the provider detect it.
    /// </summary>
    Task<TranslationResult> TranslateAsync(IReadOnlyList<string> texts, string? sourceLanguage, CancellationToken cancellationToken);
}

/// <summary>What a translation came to.</summary>
public abstract record TranslationResult
{
    /// <param name="Texts">One per text asked for, in order; null where the text was not sent (empty).</param>
    /// <param name="DetectedLanguage">The source language as the provider saw it (lower case, <c>zh</c>), when it says.</param>
    /// <param name="Provider">libretranslate or deepl, for the stored record.</param>
    public sealed record Translated(IReadOnlyList<string?> Texts, string? DetectedLanguage, string Provider) : TranslationResult;

    /// <summary>Nothing to translate: the texts are in the target language already, or empty.</summary>
    public sealed record NotNeeded(string Reason) : TranslationResult;

    /// <param name="Message">What went wrong, for the log and the admin; never holds the API key.</param>
    /// <param name="RetryAfter">When the provider said to come back (429 Retry-After).</param>
    public sealed record Unavailable(TranslationFailure Kind, string Message, TimeSpan? RetryAfter = null) : TranslationResult;
}

public enum TranslationFailure
{
    /// <summary>Translation is off (Provider none).</summary>
    Off,
    /// <summary>No connection, or the provider answered 5xx.</summary>
    Down,
    Timeout,
    /// <summary>401/403: the API key is missing or wrong.</summary>
    Unauthorized,
    /// <summary>429: too many requests; see RetryAfter.</summary>
    RateLimited,
    /// <summary>DeepL 456: the account's character quota is used up.</summary>
    QuotaExceeded,
    /// <summary>The provider refused the request as asked (400: an unsupported language, a text too long).</summary>
    Refused,
    /// <summary>The answer was not the JSON the provider's contract promises, or had the wrong number of texts.</summary>
    Malformed,
    /// <summary>Our own daily character budget is spent; nothing was sent.</summary>
    BudgetSpent,
}
