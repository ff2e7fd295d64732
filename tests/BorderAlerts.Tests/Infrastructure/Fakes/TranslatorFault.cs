namespace BorderAlerts.Tests.Infrastructure;

/// <summary>
/// A fault a fake translator (<see cref="FakeLibreTranslate"/>, <see cref="FakeDeepL"/>) answers its next request with,
/// queued by <c>Script</c>. <see cref="Slow"/> and <see cref="Until"/> only delay: the request then runs normally.
/// </summary>
/// <param name="Status">The status answered; 0 for a delay alone.</param>
/// <param name="Body">A raw body (malformed JSON) instead of the provider's own error JSON.</param>
/// <param name="Release">The answer waits until this completes (a gate the test opens).</param>
public sealed record TranslatorFault(int Status, int? RetryAfterSeconds = null, TimeSpan Delay = default, string? Body = null, Task? Release = null)
{
    /// <summary>Answers normally once <paramref name="release"/> completes: a translation as late as the test wants it.</summary>
    public static TranslatorFault Until(Task release) => new(0, Release: release);

    /// <summary>429 with Retry-After in seconds.</summary>
    public static TranslatorFault TooManyRequests(int retryAfterSeconds) => new(429, retryAfterSeconds);

    /// <summary>DeepL's 456: the account's character quota is used up.</summary>
    public static TranslatorFault QuotaExceeded { get; } = new(456);

    public static TranslatorFault ServerError { get; } = new(500);

    public static TranslatorFault Slow(TimeSpan delay) => new(0, Delay: delay);

    /// <summary>200 with a body that is not the provider's JSON.</summary>
    public static TranslatorFault Malformed(string body) => new(200, Body: body);
}
