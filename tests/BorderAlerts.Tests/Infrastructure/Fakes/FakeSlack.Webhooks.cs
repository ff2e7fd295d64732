using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace BorderAlerts.Tests.Infrastructure;

/// <summary>
/// Incoming webhooks (docs/platform-contracts.md §S4): 200 with the plain body <c>ok</c>; errors are plain text with a status:
/// 404 channel_not_found (unknown path), 410 channel_is_archived, 403 action_prohibited, 400 invalid_payload /
/// no_text / invalid_blocks / msg_too_long, 429 + Retry-After when the channel's pace is spent.
/// </summary>
public sealed partial class FakeSlack
{
    async Task WebhookAsync(HttpContext context)
    {
        if (_faults.TryDequeue(out var fault) && await fault.ApplyToWebhookAsync(context)) return;
        var path = (string)context.Request.RouteValues["path"]!;
        if (!_hooks.TryGetValue(path, out var hook))
        {
            await FakeReply.TextAsync(context, 404, "channel_not_found");
            return;
        }
        if (hook.Status != SlackHookStatus.Active)
        {
            await FakeReply.TextAsync(context, hook.Status == SlackHookStatus.Archived ? 410 : 403,
                hook.Status == SlackHookStatus.Archived ? "channel_is_archived" : "action_prohibited");
            return;
        }
        if (await ReadWebhookBodyAsync(context) is not { } body) return;
        if (!_pace.TryTake(hook.Channel, out var wait))
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString();
            await FakeReply.TextAsync(context, 429, "rate_limited");
            return;
        }
        Record(ReceivedSlackMessage.From(hook.Channel, _clock.Next(), body, webhookPath: path));
        await FakeReply.TextAsync(context, 200, "ok");
    }

    /// <summary>A JSON object that passes the message rules; otherwise answers 400 with the error and returns null.</summary>
    async Task<JsonElement?> ReadWebhookBodyAsync(HttpContext context)
    {
        var (json, raw) = FakeHost.IsJson(context.Request) ? await FakeHost.ReadJsonAsync(context.Request) : (null, "");
        string? error;
        List<string> violations;
        if (json is not { ValueKind: JsonValueKind.Object } body)
        {
            error = "invalid_payload";
            violations = [FakeHost.IsJson(context.Request) ? "body is not a JSON object" : $"Content-Type {context.Request.ContentType ?? "(none)"} is not application/json"];
            body = default;
        }
        else error = SlackMessageRules.Check(body, out violations);
        if (error is null) return body;
        RecordRejection(context, 400, error, violations, raw);
        await FakeReply.TextAsync(context, 400, error);
        return null;
    }
}
