using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace BorderAlerts.Tests.Infrastructure;

/// <summary>
/// LibreTranslate's <c>POST /translate</c> on loopback, enforcing its contract: a JSON body; <c>q</c> a string or an
/// array of strings; <c>source</c> ("auto" or a supported code) and <c>target</c> (a supported code); <c>format</c> text
/// or html; <c>api_key</c> equal to <see cref="ApiKey"/> when one is set (403 otherwise, as a keyed server answers).
/// Errors are <c>{"error": …}</c> with 400 or 403. Answers <c>translatedText</c> in q's shape, and with source auto a
/// <c>detectedLanguage</c> of <see cref="DetectAs"/>.
/// </summary>
public sealed class FakeLibreTranslate : FakeTranslator
{
    static readonly HashSet<string> Languages = ["en", "zh", "ko", "ja", "ru", "de", "fr", "es"];

    /// <summary>The key the server was started with (--api-keys); null: requests need none.</summary>
    public string? ApiKey { get; set; }

    /// <summary>What auto-detection says the text is.</summary>
    public string DetectAs { get; set; } = "zh";

    protected override string Route => "/translate";

    protected override JsonNode Error(string message) => new JsonObject { ["error"] = message };

    protected override async Task AnswerAsync(HttpContext context)
    {
        var (json, raw) = await FakeHost.ReadJsonAsync(context.Request);
        if (!FakeHost.IsJson(context.Request) || json is not { ValueKind: JsonValueKind.Object } body)
        {
            await RefuseAsync(context, 400, "Invalid request: expected a JSON body", raw);
            return;
        }
        var q = Field(body, "q");
        var texts = q is { ValueKind: JsonValueKind.String } one ? [one.GetString()!]
            : q is { ValueKind: JsonValueKind.Array } many && many.EnumerateArray().All(t => t.ValueKind == JsonValueKind.String)
                ? many.EnumerateArray().Select(t => t.GetString()!).ToList() : null;
        var source = Text(body, "source");
        var target = Text(body, "target");
        var problem = texts is null ? "Invalid request: missing q parameter"
            : source is null ? "Invalid request: missing source parameter"
            : target is null ? "Invalid request: missing target parameter"
            : source != "auto" && !Languages.Contains(source) ? $"{source} is not supported"
            : !Languages.Contains(target) ? $"{target} is not supported"
            : Text(body, "format") is { } format && format is not ("text" or "html") ? $"{format} format is not supported"
            : null;
        if (problem is not null)
        {
            await RefuseAsync(context, 400, problem, raw);
            return;
        }
        if (ApiKey is not null && Text(body, "api_key") != ApiKey)
        {
            await RefuseAsync(context, 403, Field(body, "api_key") is null ? "Visit https://portal.libretranslate.com to get an API key" : "Invalid API key", raw);
            return;
        }
        await AcceptAsync(context, raw, Answer(q!.Value.ValueKind == JsonValueKind.Array, texts!, source!, target!));
    }

    JsonObject Answer(bool array, List<string> texts, string source, string target)
    {
        JsonNode Detected() => new JsonObject { ["confidence"] = 90, ["language"] = DetectAs };
        var answer = new JsonObject
        {
            ["translatedText"] = array ? new JsonArray([.. texts.Select(t => (JsonNode)Translate(t, target))]) : Translate(texts[0], target),
        };
        if (source == "auto") answer["detectedLanguage"] = array ? new JsonArray([.. texts.Select(_ => Detected())]) : Detected();
        return answer;
    }

    static JsonElement? Field(JsonElement body, string name) => body.TryGetProperty(name, out var value) ? value : null;

    static string? Text(JsonElement body, string name) => Field(body, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
}
