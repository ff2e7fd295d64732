using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace BorderAlerts.Tests.Infrastructure;

/// <summary>
/// A failure <see cref="FakeDiscord.Script"/> queues for the next request (any Discord route), with the bodies and
/// headers Discord sends (docs/platform-contracts.md §D3, §F). <see cref="Slow"/> only delays: the request then runs normally.
/// </summary>
public sealed record DiscordFault(string Kind, double RetryAfter = 0, TimeSpan Delay = default)
{
    /// <summary>429 of the user's own bucket: Retry-After (whole seconds, rounded up), retry_after (fractional), X-RateLimit-Scope: user.</summary>
    public static DiscordFault RateLimited(double retryAfter = 1.5) => new("user-429", retryAfter);

    /// <summary>429 from the global limit: X-RateLimit-Global: true, X-RateLimit-Scope: global, "global": true.</summary>
    public static DiscordFault GlobalRateLimited(double retryAfter = 1.5) => new("global-429", retryAfter);

    /// <summary>429 of a resource shared with others (X-RateLimit-Scope: shared; does not count as invalid).</summary>
    public static DiscordFault SharedRateLimited(double retryAfter = 1.5) => new("shared-429", retryAfter);

    public static DiscordFault Unauthorized { get; } = new("401");
    public static DiscordFault Forbidden { get; } = new("403");
    public static DiscordFault UnknownWebhook { get; } = new("404");
    public static DiscordFault ServerError { get; } = new("500");
    public static DiscordFault BadGateway { get; } = new("502");

    /// <summary>Waits <paramref name="delay"/> before answering normally (for client timeouts).</summary>
    public static DiscordFault Slow(TimeSpan delay) => new("slow", Delay: delay);

    internal async Task<bool> ApplyAsync(HttpContext context, BucketState bucket)
    {
        if (Kind == "slow")
        {
            await Task.Delay(Delay, context.RequestAborted);
            return false;
        }
        bucket.WriteHeaders(context.Response);
        var (status, body) = Kind switch
        {
            "user-429" => (429, RateLimitBody("You are being rate limited.", RetryAfter, global: false)),
            "global-429" => (429, RateLimitBody("You are being rate limited.", RetryAfter, global: true)),
            "shared-429" => (429, RateLimitBody("The resource is being rate limited.", RetryAfter, global: false)),
            "401" => (401, Error(0, "401: Unauthorized")),
            "403" => (403, Error(50013, "Missing Permissions")),
            "404" => (404, Error(10015, "Unknown Webhook")),
            "500" => (500, Error(0, "500: Internal Server Error")),
            _ => (502, Error(0, "502: Bad Gateway")),
        };
        if (status == 429) WriteRateLimitHeaders(context.Response, RetryAfter, Kind[..Kind.IndexOf('-')]);
        await FakeReply.JsonAsync(context, status, body);
        return true;
    }

    internal static JsonObject Error(int code, string message) => new() { ["message"] = message, ["code"] = code };

    internal static JsonObject RateLimitBody(string message, double retryAfter, bool global) =>
        new() { ["message"] = message, ["retry_after"] = Math.Round(retryAfter, 3), ["global"] = global };

    /// <summary>Retry-After is whole seconds rounded up; the scope header says whose limit it was.</summary>
    internal static void WriteRateLimitHeaders(HttpResponse response, double retryAfter, string scope)
    {
        response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter)).ToString();
        response.Headers["X-RateLimit-Scope"] = scope;
        if (scope == "global") response.Headers["X-RateLimit-Global"] = "true";
        if (scope != "global") response.Headers["X-RateLimit-Remaining"] = "0";
    }
}
