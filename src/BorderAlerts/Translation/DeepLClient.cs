using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using BorderAlerts.Core.Translation;
using BorderAlerts.Settings;

namespace BorderAlerts.Translation;

/// <summary>
/// DeepL (https://developers.deepl.com/api-reference/translate): <c>POST {Url}/v2/translate</c> with
/// <c>Authorization: DeepL-Auth-Key KEY</c> and JSON <c>{"text": [texts], "target_lang": "EN-US", "source_lang": "ZH"}</c>
/// → <c>{"translations": [{"detected_source_language": "ZH", "text": …}]}</c>. Statuses: 400 bad request, 403 bad key,
/// 413 too large, 429 too many requests, 456 quota exceeded, 5xx (and 529) temporary.
/// </summary>
public sealed class DeepLClient(Func<HttpClient> http, TranslationSettings settings, TimeProvider clock)
    : HttpTranslator(http, settings, clock)
{
    protected override string Provider => TranslationSettings.DeepL;

    protected override HttpRequestMessage Request(IReadOnlyList<string> texts, string? sourceLanguage)
    {
        var body = new Dictionary<string, object> { ["text"] = texts, ["target_lang"] = TargetLang(Settings.TargetLanguage) };
        // DeepL's source languages are bare (ZH, KO, JA): the feed's region is dropped.
        if (sourceLanguage is { Length: > 0 }) body["source_lang"] = TranslationPolicy.Primary(sourceLanguage).ToUpperInvariant();
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Settings.BaseUrl(), "v2/translate")) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("DeepL-Auth-Key", Settings.ApiKey);
        return request;
    }

    /// <summary>DeepL's target code: upper case; bare EN and PT (deprecated as targets) become EN-US and PT-PT.</summary>
    public static string TargetLang(string language) => language.Trim().ToUpperInvariant() switch
    {
        "EN" => "EN-US",
        "PT" => "PT-PT",
        var code => code,
    };

    protected override TranslationFailure Classify(int status) => DeepLStatus(status);

    /// <summary>DeepL's statuses as outcomes.</summary>
    public static TranslationFailure DeepLStatus(int status) => status switch
    {
        401 or 403 => TranslationFailure.Unauthorized,
        429 or 529 => TranslationFailure.RateLimited,
        456 => TranslationFailure.QuotaExceeded,
        >= 500 => TranslationFailure.Down,
        _ => TranslationFailure.Refused,
    };

    protected override TranslationResult.Translated? Read(JsonElement answer, int count)
    {
        if (Property(answer, "translations") is not { } translations) return null;
        if (Strings(translations, count, t => Property(t, "text")) is not { } texts) return null;
        var detected = count > 0 ? Property(translations[0], "detected_source_language") : null;
        var language = detected is { ValueKind: JsonValueKind.String } l ? l.GetString()?.ToLowerInvariant() : null;
        return new TranslationResult.Translated(texts, language, Provider);
    }
}
