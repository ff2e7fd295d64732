using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace BorderAlerts.Tests.Infrastructure;

/// <summary>
/// DeepL's <c>POST /v2/translate</c> on loopback, enforcing its contract: <c>Authorization: DeepL-Auth-Key</c>
/// <see cref="AuthKey"/> (403 otherwise); a JSON body (<c>text</c> an array of strings) or a form (<c>text</c> repeated),
/// any other content type 415; <c>target_lang</c> one of DeepL's targets and <c>source_lang</c>, when given, one of its
/// bare sources (400 <c>{"message": …}</c> otherwise). Answers <c>{"translations": [{"detected_source_language", "text"}]}</c>,
/// detecting <see cref="DetectAs"/> when no source is given.
/// </summary>
public sealed class FakeDeepL : FakeTranslator
{
    static readonly HashSet<string> Targets = ["EN", "EN-US", "EN-GB", "DE", "FR", "JA", "KO", "ZH", "ZH-HANS", "ZH-HANT", "RU", "PT-PT", "PT-BR"];
    static readonly HashSet<string> Sources = ["EN", "DE", "FR", "JA", "KO", "ZH", "RU", "PT"];

    public string AuthKey { get; set; } = "fake-deepl-key:fx";

    /// <summary>What detection says the text is, upper case as DeepL writes it.</summary>
    public string DetectAs { get; set; } = "ZH";

    protected override string Route => "/v2/translate";

    protected override JsonNode Error(string message) => new JsonObject { ["message"] = message };

    protected override async Task AnswerAsync(HttpContext context)
    {
        var request = context.Request;
        if (FakeHost.Header(request, "Authorization") != $"DeepL-Auth-Key {AuthKey}")
        {
            await RefuseAsync(context, 403, "Authorization failed. Please supply a valid DeepL-Auth-Key via the Authorization header.", "");
            return;
        }
        var (fields, raw) = await ReadAsync(request);
        if (fields is null)
        {
            await RefuseAsync(context, 415, "Unsupported content type or body: send JSON or a form", raw);
            return;
        }
        var texts = fields.GetValueOrDefault("text");
        var target = fields.GetValueOrDefault("target_lang") is [var t] ? t.ToUpperInvariant() : null;
        var source = fields.GetValueOrDefault("source_lang") is [var s] ? s.ToUpperInvariant() : null;
        var problem = texts is null or { Count: 0 } ? "Parameter 'text' not specified."
            : target is null || !Targets.Contains(target) ? "Value for 'target_lang' not supported."
            : fields.ContainsKey("source_lang") && (source is null || !Sources.Contains(source)) ? "Value for 'source_lang' not supported."
            : null;
        if (problem is not null)
        {
            await RefuseAsync(context, 400, problem, raw);
            return;
        }
        var translations = texts!.Select(text => (JsonNode)new JsonObject
        {
            ["detected_source_language"] = source ?? DetectAs,
            ["text"] = Translate(text, target!),
        });
        await AcceptAsync(context, raw, new JsonObject { ["translations"] = new JsonArray([.. translations]) });
    }

    /// <summary>The body's fields as lists of strings (JSON arrays or repeated form keys), or null when it is neither.</summary>
    static async Task<(Dictionary<string, List<string>>? Fields, string Raw)> ReadAsync(HttpRequest request)
    {
        var type = MediaTypeHeaderValue.TryParse(request.ContentType, out var media) ? media.MediaType : null;
        if (type == "application/x-www-form-urlencoded")
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            return (form.ToDictionary(f => f.Key, f => f.Value.Select(v => v ?? "").ToList()), string.Join('&', form.Select(f => $"{f.Key}={f.Value}")));
        }
        if (type != "application/json") return (null, "");
        var (json, raw) = await FakeHost.ReadJsonAsync(request);
        if (json is not { ValueKind: JsonValueKind.Object } body) return (null, raw);
        var fields = new Dictionary<string, List<string>>();
        foreach (var property in body.EnumerateObject())
        {
            var value = property.Value;
            if (property.Name == "text") // in JSON, text is an array of strings
            {
                if (value.ValueKind != JsonValueKind.Array || !value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String)) return (null, raw);
                fields["text"] = [.. value.EnumerateArray().Select(v => v.GetString()!)];
            }
            else if (value.ValueKind == JsonValueKind.String) fields[property.Name] = [value.GetString()!];
        }
        return (fields, raw);
    }
}
