using System.Net.Http.Json;
using System.Text.Json;
using BorderAlerts.Core.Translation;
using BorderAlerts.Settings;

namespace BorderAlerts.Translation;

/// <summary>
/// LibreTranslate (self-hosted, https://docs.libretranslate.com): <c>POST {Url}/translate</c> with JSON
/// <c>{"q": [texts], "source": "auto" or the feed's language, "target", "format": "text", "api_key"}</c> →
/// <c>{"translatedText": [...], "detectedLanguage": [{"language", "confidence"}]}</c> (a single string and object when q
/// is one string). Errors are <c>{"error": …}</c> with 400 (bad request), 403 (bad or missing key, banned), 429 (slow
/// down), 500 (translation failed).
/// </summary>
public sealed class LibreTranslateClient(Func<HttpClient> http, TranslationSettings settings, TimeProvider clock)
    : HttpTranslator(http, settings, clock)
{
    protected override string Provider => TranslationSettings.LibreTranslate;

    protected override HttpRequestMessage Request(IReadOnlyList<string> texts, string? sourceLanguage)
    {
        var body = new Dictionary<string, object>
        {
            ["q"] = texts,
            // LibreTranslate's codes are mostly bare languages (zh, ko, ja): the feed's region is dropped.
            ["source"] = sourceLanguage is { Length: > 0 } ? TranslationPolicy.Primary(sourceLanguage) : "auto",
            ["target"] = Settings.TargetLanguage,
            ["format"] = "text",
        };
        if (!string.IsNullOrEmpty(Settings.ApiKey)) body["api_key"] = Settings.ApiKey;
        return new HttpRequestMessage(HttpMethod.Post, new Uri(Settings.BaseUrl(), "translate")) { Content = JsonContent.Create(body) };
    }

    protected override TranslationFailure Classify(int status) => LibreTranslateStatus(status);

    /// <summary>LibreTranslate's statuses as outcomes.</summary>
    public static TranslationFailure LibreTranslateStatus(int status) => status switch
    {
        401 or 403 => TranslationFailure.Unauthorized,
        429 => TranslationFailure.RateLimited,
        >= 500 => TranslationFailure.Down,
        _ => TranslationFailure.Refused,
    };

    protected override TranslationResult.Translated? Read(JsonElement answer, int count)
    {
        if (Property(answer, "translatedText") is not { } translated) return null;
        var texts = translated.ValueKind == JsonValueKind.String && count == 1
            ? [translated.GetString()]
            : Strings(translated, count, element => element);
        if (texts is null) return null;
        var detected = Property(answer, "detectedLanguage") is { } d
            ? Property(d.ValueKind == JsonValueKind.Array && d.GetArrayLength() > 0 ? d[0] : d, "language")
            : null;
        var language = detected is { ValueKind: JsonValueKind.String } l ? l.GetString()?.ToLowerInvariant() : null;
        return new TranslationResult.Translated(texts, language, Provider);
    }
}
