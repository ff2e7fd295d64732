using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace BorderAlerts.Tests.Infrastructure;

/// <summary>
/// A failure <see cref="FakeSlack.Script"/> queues for the next request (Web API or incoming webhook). The Web API
/// answers HTTP 200 <c>{"ok":false,"error":…}</c> (429 for ratelimited); webhooks answer plain text with a status
/// (docs/platform-contracts.md §S3, §S4). <see cref="Slow"/> only delays: the request then runs normally.
/// </summary>
public sealed record SlackFault(string Error, int RetryAfterSeconds = 1, TimeSpan Delay = default)
{
    /// <summary>HTTP 429 with Retry-After (seconds); Web API body {"ok":false,"error":"ratelimited"}.</summary>
    public static SlackFault RateLimited(int retryAfterSeconds = 1) => new("ratelimited", retryAfterSeconds);

    public static SlackFault ChannelNotFound { get; } = new("channel_not_found");
    public static SlackFault NotInChannel { get; } = new("not_in_channel");
    public static SlackFault IsArchived { get; } = new("is_archived");
    public static SlackFault InvalidAuth { get; } = new("invalid_auth");

    /// <summary>HTTP 500 (webhooks: <c>rollup_error</c>).</summary>
    public static SlackFault ServerError { get; } = new("server_error");

    public static SlackFault Slow(TimeSpan delay) => new("slow", Delay: delay);

    /// <summary>Answers as the Web API would; false for <see cref="Slow"/>, after its delay.</summary>
    internal async Task<bool> ApplyToApiAsync(HttpContext context)
    {
        if (!await DelayedAsync(context)) return false;
        switch (Error)
        {
            case "ratelimited":
                context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString();
                await FakeReply.JsonAsync(context, 429, Failure(Error));
                break;
            case "server_error": await FakeReply.TextAsync(context, 500, "internal_error"); break;
            default: await FakeReply.JsonAsync(context, 200, Failure(Error)); break;
        }
        return true;
    }

    /// <summary>Answers as an incoming webhook would: plain text and a status.</summary>
    internal async Task<bool> ApplyToWebhookAsync(HttpContext context)
    {
        if (!await DelayedAsync(context)) return false;
        if (Error == "ratelimited") context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString();
        var (status, body) = Error switch
        {
            "ratelimited" => (429, "rate_limited"),
            "channel_not_found" => (404, "channel_not_found"),
            "is_archived" => (410, "channel_is_archived"),
            "invalid_auth" => (403, "invalid_token"),
            "server_error" => (500, "rollup_error"),
            _ => (403, Error),
        };
        await FakeReply.TextAsync(context, status, body);
        return true;
    }

    async Task<bool> DelayedAsync(HttpContext context)
    {
        if (Error != "slow") return true;
        await Task.Delay(Delay, context.RequestAborted);
        return false;
    }

    internal static JsonObject Failure(string error) => new() { ["ok"] = false, ["error"] = error };
}
