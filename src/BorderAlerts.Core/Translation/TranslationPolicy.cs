namespace BorderAlerts.Core.Translation;

/// <summary>Which texts of one item to send: the positions of the non-empty ones, and their length in characters.</summary>
public sealed record TranslationPlan(IReadOnlyList<int> Positions, int Characters);

/// <summary>
/// What is worth translating, decided without asking anyone: never text already in the target language by the feed's
/// language tag (<c>en-US</c> when the target is <c>en</c>: languages compare by their primary subtag), never empty text.
/// A feed without a language tag is sent, and the provider detects its language.
/// </summary>
public sealed class TranslationPolicy(string targetLanguage)
{
    public string TargetLanguage => targetLanguage;

    /// <summary>The plan, or null when nothing is to be sent (<paramref name="reason"/> says why).</summary>
    public TranslationPlan? Plan(IReadOnlyList<string> texts, string? sourceLanguage, out string reason)
    {
        if (IsTarget(sourceLanguage))
        {
            reason = $"already in {Primary(targetLanguage)}";
            return null;
        }
        var positions = Enumerable.Range(0, texts.Count).Where(i => !string.IsNullOrWhiteSpace(texts[i])).ToList();
        reason = positions.Count == 0 ? "nothing to translate" : "";
        return positions.Count == 0 ? null : new TranslationPlan(positions, positions.Sum(i => texts[i].Length));
    }

    /// <summary>True when <paramref name="language"/> (a BCP 47 tag as feeds write it) is the target language.</summary>
    public bool IsTarget(string? language) =>
        !string.IsNullOrWhiteSpace(language) && Primary(language) == Primary(targetLanguage);

    /// <summary>The primary subtag, lower case: <c>zh</c> of <c>zh-Hant-TW</c> or <c>ZH_tw</c>.</summary>
    public static string Primary(string tag) => tag.Trim().Split('-', '_')[0].ToLowerInvariant();
}
