using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using BorderAlerts.Core.Delivery;

namespace BorderAlerts.Chat.Discord;

/// <summary>
/// The one function that decides what a Discord response means. 429 carries its wait (body retry_after, else the
/// Retry-After header); 401/403/404 and 400 will not get better by retrying; 5xx will.
/// https://discord.com/developers/docs/topics/rate-limits
/// </summary>
public static class DiscordResponses
{
    public static DeliveryOutcome Map(HttpStatusCode status, HttpResponseHeaders headers, string body)
    {
        var json = TryParse(body);
        int code = (int)status;
        if (code is >= 200 and < 300)
            return new DeliveryOutcome.Delivered(Text(json, "id") ?? "");
        if (code == 429) return RateLimited(headers, json);
        var detail = $"Discord {code} {Text(json, "message") ?? status.ToString()}" + (Number(json, "code") is { } c ? $" (code {c})" : "");
        return code switch
        {
            400 or 401 or 403 or 404 or 405 or 413 => new DeliveryOutcome.Permanent(detail) { Status = code, Code = (int?)Number(json, "code") },
            _ => new DeliveryOutcome.Retryable(detail),
        };
    }

    static DeliveryOutcome RateLimited(HttpResponseHeaders headers, JsonElement? json)
    {
        double seconds = Number(json, "retry_after")
            ?? (headers.TryGetValues("Retry-After", out var values) && double.TryParse(values.First(), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) ? s : 1);
        var global = json is { } j && j.TryGetProperty("global", out var g) && g.ValueKind == JsonValueKind.True
            || headers.TryGetValues("X-RateLimit-Global", out var flag) && flag.First().Equals("true", StringComparison.OrdinalIgnoreCase);
        return new DeliveryOutcome.RateLimited(TimeSpan.FromSeconds(Math.Clamp(seconds, 0.05, 3600)), global);
    }

    static JsonElement? TryParse(string body)
    {
        if (string.IsNullOrWhiteSpace(body)) return null;
        try { using var doc = JsonDocument.Parse(body); return doc.RootElement.Clone(); }
        catch (JsonException) { return null; }
    }

    static string? Text(JsonElement? json, string name) =>
        json is { ValueKind: JsonValueKind.Object } j && j.TryGetProperty(name, out var v) ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText() : null;

    static double? Number(JsonElement? json, string name) =>
        json is { ValueKind: JsonValueKind.Object } j && j.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
}
