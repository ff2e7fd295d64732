using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace BorderAlerts.Tests.Infrastructure;

/// <summary>
/// chat.postMessage and chat.update (docs/platform-contracts.md §S3): scripted fault, token (not_authed / invalid_auth), JSON
/// body (invalid_json), channel (channel_not_found / not_in_channel / is_archived), message rules, then the channel's
/// pace (HTTP 429 + Retry-After + ratelimited; postMessage only). An update names the message by channel and ts
/// (message_not_found) and only the bot's own (cant_update_message for one an incoming webhook posted). Failures are HTTP 200 with ok:false, as Slack does.
/// </summary>
public sealed partial class FakeSlack
{
    async Task PostMessageAsync(HttpContext context)
    {
        if (await ReadApiCallAsync(context) is not { } call) return;
        if (!_pace.TryTake(call.Channel, out var wait))
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString();
            await FakeReply.JsonAsync(context, 429, SlackFault.Failure("ratelimited"));
            return;
        }
        var message = Record(ReceivedSlackMessage.From(call.Channel, _clock.Next(), call.Body, webhookPath: null));
        var answer = new JsonObject { ["ok"] = true, ["channel"] = call.Channel, ["ts"] = message.Ts, ["message"] = message.ToMessageObject() };
        await FakeReply.JsonAsync(context, 200, WithCharsetWarning(context.Request, answer));
    }

    async Task UpdateAsync(HttpContext context)
    {
        if (await ReadApiCallAsync(context) is not { } call) return;
        var ts = ReceivedSlackMessage.StringOf(call.Body, "ts");
        if (ts is null || !_byTs.TryGetValue((call.Channel, ts), out var original))
        {
            await FakeReply.JsonAsync(context, 200, SlackFault.Failure("message_not_found"));
            return;
        }
        if (original.WebhookPath is not null)
        {
            RecordRejection(context, 200, "cant_update_message", ["the message was posted by an incoming webhook, not this bot"], call.Body.GetRawText());
            await FakeReply.JsonAsync(context, 200, SlackFault.Failure("cant_update_message"));
            return;
        }
        var updated = ReceivedSlackMessage.From(call.Channel, ts, call.Body, original.WebhookPath) with { ThreadTs = original.ThreadTs };
        _byTs[(call.Channel, ts)] = updated;
        _updates.Add(updated);
        var answer = new JsonObject
        {
            ["ok"] = true, ["channel"] = call.Channel, ["ts"] = ts, ["text"] = updated.Text ?? "", ["message"] = updated.ToMessageObject(),
        };
        await FakeReply.JsonAsync(context, 200, WithCharsetWarning(context.Request, answer));
    }

    sealed record ApiCall(string Channel, JsonElement Body);

    /// <summary>Everything before pacing; null when the request has been answered.</summary>
    async Task<ApiCall?> ReadApiCallAsync(HttpContext context)
    {
        if (_faults.TryDequeue(out var fault) && await fault.ApplyToApiAsync(context)) return null;
        var authorization = FakeHost.Header(context.Request, "Authorization");
        if (authorization != $"Bearer {BotToken}")
            return await RefuseAsync(context, authorization is null ? "not_authed" : "invalid_auth", ["Authorization is not \"Bearer <configured xoxb token>\""], "");
        if (!FakeHost.IsJson(context.Request))
            return await RefuseAsync(context, "invalid_arguments", [$"Content-Type {context.Request.ContentType ?? "(none)"}: this fake takes application/json only"], "");
        var (json, raw) = await FakeHost.ReadJsonAsync(context.Request);
        if (json is not { ValueKind: JsonValueKind.Object } body) return await RefuseAsync(context, "invalid_json", ["body is not a JSON object"], raw);
        var channelId = ReceivedSlackMessage.StringOf(body, "channel");
        if (channelId is null) return await RefuseAsync(context, "channel_not_found", ["channel is required"], raw);
        var error = !_channels.TryGetValue(channelId, out var channel) ? "channel_not_found"
            : channel.Archived ? "is_archived" : !channel.Member ? "not_in_channel" : null;
        if (error is not null)
        {
            await FakeReply.JsonAsync(context, 200, SlackFault.Failure(error));
            return null;
        }
        if (SlackMessageRules.Check(body, out var violations) is { } invalid)
        {
            RecordRejection(context, 200, invalid, violations, raw);
            var answer = SlackFault.Failure(invalid);
            answer["errors"] = new JsonArray([.. violations.Select(v => JsonValue.Create(v))]);
            answer["response_metadata"] = new JsonObject { ["messages"] = new JsonArray([.. violations.Select(v => JsonValue.Create($"[ERROR] {v}"))]) };
            await FakeReply.JsonAsync(context, 200, answer);
            return null;
        }
        return new ApiCall(channelId, body);
    }

    async Task<ApiCall?> RefuseAsync(HttpContext context, string error, IReadOnlyList<string> violations, string raw)
    {
        RecordRejection(context, 200, error, violations, raw);
        await FakeReply.JsonAsync(context, 200, SlackFault.Failure(error));
        return null;
    }

    /// <summary>Slack warns, without failing, when a JSON post does not name its charset.</summary>
    static JsonObject WithCharsetWarning(HttpRequest request, JsonObject answer)
    {
        if (request.ContentType?.Contains("charset", StringComparison.OrdinalIgnoreCase) == true) return answer;
        answer["warning"] = "missing_charset";
        answer["response_metadata"] = new JsonObject { ["warnings"] = new JsonArray("missing_charset") };
        return answer;
    }
}
