using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using BorderAlerts.Core.Delivery;

namespace BorderAlerts.Chat.Slack;

/// <summary>
/// The one function that decides what a Slack answer means: Web API errors come as HTTP 200 with {ok:false,error},
/// incoming webhooks answer in plain text, and 429 carries Retry-After. https://api.slack.com/web#evaluating_responses
/// </summary>
public static class SlackResponses
{
    static readonly HashSet<string> Refusals =
    [
        "invalid_auth", "not_authed", "token_revoked", "token_expired", "account_inactive", "missing_scope", "channel_not_found",
        "not_in_channel", "is_archived", "channel_is_archived", "action_prohibited", "no_service", "no_service_id", "no_team",
        "team_disabled", "invalid_token", "user_not_found", "invalid_blocks", "invalid_blocks_format", "msg_too_long", "no_text",
        "invalid_payload", "too_many_attachments", "restricted_action", "posting_to_general_channel_denied", "ekm_access_denied",
    ];

    public static DeliveryOutcome Map(HttpStatusCode status, HttpResponseHeaders headers, string body)
    {
        var error = ErrorOf(body);
        if (status == HttpStatusCode.TooManyRequests || error is "ratelimited" or "rate_limited")
            return new DeliveryOutcome.RateLimited(headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
        if ((int)status is >= 200 and < 300 && error is null)
            return new DeliveryOutcome.Delivered(TsOf(body) ?? "webhook");
        var detail = $"Slack {(int)status} {error ?? "error"}";
        if (error is not null && Refusals.Contains(error)) return new DeliveryOutcome.Permanent(detail);
        return (int)status is 400 or 401 or 403 or 404 or 410 ? new DeliveryOutcome.Permanent(detail) : new DeliveryOutcome.Retryable(detail);
    }

    /// <summary>
    /// The upload address of the file upload flow answers in plain text ("OK - 1234"), not the Web API's JSON: any 2xx is
    /// done, 429 waits, 5xx retries, anything else is refused.
    /// </summary>
    public static DeliveryOutcome MapUpload(HttpStatusCode status, HttpResponseHeaders headers) => (int)status switch
    {
        >= 200 and < 300 => new DeliveryOutcome.Delivered("uploaded"),
        429 => new DeliveryOutcome.RateLimited(headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1)),
        >= 500 => new DeliveryOutcome.Retryable($"Slack upload {(int)status}"),
        _ => new DeliveryOutcome.Permanent($"Slack upload {(int)status}") { Status = (int)status },
    };

    /// <summary>The error code: the Web API's JSON "error", or a webhook's plain-text body.</summary>
    static string? ErrorOf(string body)
    {
        var trimmed = body.Trim();
        if (trimmed == "ok") return null;
        if (!trimmed.StartsWith('{')) return trimmed.Length is > 0 and < 100 ? trimmed : trimmed.Length == 0 ? null : "unreadable answer";
        try
        {
            using var doc = JsonDocument.Parse(trimmed);
            var root = doc.RootElement;
            if (root.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.True) return null;
            return root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : "unknown_error";
        }
        catch (JsonException) { return "unreadable answer"; }
    }

    static string? TsOf(string body)
    {
        if (!body.TrimStart().StartsWith('{')) return null;
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.TryGetProperty("ts", out var ts) ? ts.GetString() : null;
    }
}
