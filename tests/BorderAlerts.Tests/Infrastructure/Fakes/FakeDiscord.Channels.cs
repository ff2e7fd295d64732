using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace BorderAlerts.Tests.Infrastructure;

/// <summary>
/// Bot routes (docs/platform-contracts.md §D2b): Create Message with replies, Edit Message (the bot's own, in the channel
/// or thread it is in), Start Thread from Message. Checks run in the order Discord's edge applies them: User-Agent
/// (Cloudflare 40333), Bot token (401), fault and bucket, channel, message, body.
/// </summary>
public sealed partial class FakeDiscord
{
    static readonly int[] ArchiveDurations = [60, 1440, 4320, 10080];

    async Task CreateMessageAsync(HttpContext context)
    {
        var channel = (string)context.Request.RouteValues["channel"]!;
        if (!await PassBotChecksAsync(context, $"channel:{channel}", ChannelBucket, channel)) return;
        if (await ReadMessageAsync(context) is not { } body) return;
        var replyTo = ReplyTarget(body, channel, out var referenceError);
        if (referenceError is not null)
        {
            var errors = new FormErrors();
            errors.Add("message_reference", "MESSAGE_REFERENCE_UNKNOWN_MESSAGE", referenceError);
            var problem = DiscordFault.Error(50035, "Invalid Form Body");
            problem["errors"] = errors.Tree;
            await RejectAsync(context, 400, problem, errors.Lines, body.GetRawText());
            return;
        }
        var threadId = _channels.TryGetValue(channel, out var parent) && parent is not null ? channel : null;
        var message = Record(ReceivedDiscordMessage.From(_ids.Next(), channel, null, threadId, replyTo, body), context);
        await FakeReply.JsonAsync(context, 200, message.ToMessageObject());
    }

    async Task EditMessageAsync(HttpContext context)
    {
        var channel = (string)context.Request.RouteValues["channel"]!;
        if (!await PassBotChecksAsync(context, $"edit:{channel}", EditBucket, channel)) return;
        if (await FindMessageAsync(context, channel) is not { } original) return;
        if (original.WebhookId is not null)
        {
            await RejectAsync(context, 403, DiscordFault.Error(50005, "Cannot edit a message authored by another user"), ["the message was sent by a webhook"], "");
            return;
        }
        if (await ReadMessageAsync(context) is not { } body) return;
        await RecordEditAsync(context, original, body);
    }

    async Task StartThreadAsync(HttpContext context)
    {
        var channel = (string)context.Request.RouteValues["channel"]!;
        if (!await PassBotChecksAsync(context, $"thread:{channel}", ThreadBucket, channel)) return;
        if (await FindMessageAsync(context, channel) is not { Id: var messageId }) return;
        var (json, raw) = FakeHost.IsJson(context.Request) ? await FakeHost.ReadJsonAsync(context.Request) : (null, "");
        var errors = ThreadRules(json);
        if (errors.Any)
        {
            var problem = DiscordFault.Error(50035, "Invalid Form Body");
            problem["errors"] = errors.Tree;
            await RejectAsync(context, 400, problem, errors.Lines, raw);
            return;
        }
        if (!_channels.TryAdd(messageId, channel))
        {
            await RejectAsync(context, 400, DiscordFault.Error(160004, "A thread has already been created for this message"), ["thread exists"], raw);
            return;
        }
        var thread = new DiscordThread(messageId, channel, json!.Value.GetProperty("name").GetString()!);
        _threads.Add(thread);
        await FakeReply.JsonAsync(context, 201, new JsonObject
        {
            ["id"] = thread.Id, ["type"] = 11, ["parent_id"] = channel, ["name"] = thread.Name, ["owner_id"] = "1000000000000000001",
            ["message_count"] = 0, ["member_count"] = 1,
            ["thread_metadata"] = new JsonObject { ["archived"] = false, ["auto_archive_duration"] = 1440, ["locked"] = false },
        });
    }

    /// <summary>User-Agent, Bot token, fault and bucket, known channel; false when the request has been answered.</summary>
    async Task<bool> PassBotChecksAsync(HttpContext context, string key, string bucket, string channel)
    {
        var userAgent = FakeHost.Header(context.Request, "User-Agent");
        if (userAgent is null || !userAgent.StartsWith("DiscordBot (", StringComparison.Ordinal))
        {
            await RejectAsync(context, 400, DiscordFault.Error(40333, "Cloudflare is blocking your request (User-Agent must be \"DiscordBot ($url, $version)\")"),
                [$"User-Agent: {userAgent ?? "(none)"}"], "");
            return false;
        }
        if (FakeHost.Header(context.Request, "Authorization") != $"Bot {BotToken}")
        {
            await RejectAsync(context, 401, DiscordFault.Error(0, "401: Unauthorized"), ["Authorization is not \"Bot <token>\" with the configured token"], "");
            return false;
        }
        if (!await PassLimitsAsync(context, key, bucket)) return false;
        if (_channels.ContainsKey(channel)) return true;
        await FakeReply.JsonAsync(context, 404, DiscordFault.Error(10003, "Unknown Channel"));
        return false;
    }

    /// <summary>The route's message, in this channel; otherwise answers 404 Unknown Message and returns null.</summary>
    async Task<ReceivedDiscordMessage?> FindMessageAsync(HttpContext context, string channel)
    {
        if (_byId.TryGetValue((string)context.Request.RouteValues["messageId"]!, out var message) && message.ChannelId == channel) return message;
        await FakeReply.JsonAsync(context, 404, DiscordFault.Error(10008, "Unknown Message"));
        return null;
    }

    /// <summary>An accepted edit: the message's new body, answered as the edited message object.</summary>
    async Task RecordEditAsync(HttpContext context, ReceivedDiscordMessage original, JsonElement body)
    {
        var edited = ReceivedDiscordMessage.From(original.Id, original.ChannelId, original.WebhookId, original.ThreadId, original.ReplyToId, body);
        _byId[original.Id] = edited;
        _edits.Add(edited);
        await FakeReply.JsonAsync(context, 200, (edited with { ReceivedAt = original.ReceivedAt }).ToMessageObject(editedAt: edited.ReceivedAt));
    }

    /// <summary>message_reference.message_id, which must name a message in this channel (or the given channel_id).</summary>
    string? ReplyTarget(JsonElement body, string channel, out string? error)
    {
        error = null;
        if (!body.TryGetProperty("message_reference", out var reference) || reference.ValueKind == JsonValueKind.Null) return null;
        var id = reference.ValueKind == JsonValueKind.Object && reference.TryGetProperty("message_id", out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()! : null;
        var inChannel = reference.ValueKind == JsonValueKind.Object && reference.TryGetProperty("channel_id", out var given) && given.ValueKind == JsonValueKind.String
            ? given.GetString()! : channel;
        if (id is not null && _byId.TryGetValue(id, out var target) && target.ChannelId == inChannel) return id;
        error = $"Unknown message {id ?? "(message_id missing or not a string)"}";
        return null;
    }

    static FormErrors ThreadRules(JsonElement? json)
    {
        var errors = new FormErrors();
        if (json is not { ValueKind: JsonValueKind.Object } body)
        {
            errors.Add("", "DICT_TYPE_CONVERT", "Body must be a JSON object");
            return errors;
        }
        var name = body.TryGetProperty("name", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()!.Trim() : null;
        if (string.IsNullOrEmpty(name)) errors.Add("name", "BASE_TYPE_REQUIRED", "This field is required");
        else if (name.Length > 100) errors.Add("name", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.");
        if (body.TryGetProperty("auto_archive_duration", out var duration) && duration.ValueKind != JsonValueKind.Null &&
            !(duration.ValueKind == JsonValueKind.Number && duration.TryGetInt32(out var minutes) && ArchiveDurations.Contains(minutes)))
            errors.Add("auto_archive_duration", "BASE_TYPE_CHOICES", "Value must be one of {60, 1440, 4320, 10080}.");
        return errors;
    }
}
