using System.Text.Json;
using System.Text.Json.Nodes;

namespace BorderAlerts.Tests.Infrastructure;

/// <summary>
/// A message Discord accepted. <see cref="WebhookId"/> is null for bot (channel) messages; <see cref="ThreadId"/> is the
/// thread it went to (webhook <c>thread_id</c>, or a thread channel); <see cref="ReplyToId"/> is message_reference.message_id.
/// </summary>
public sealed record ReceivedDiscordMessage(string Id, string ChannelId, string? WebhookId, string? ThreadId, string? ReplyToId,
    string? Content, int EmbedCount, JsonElement Json, DateTimeOffset ReceivedAt)
{
    /// <summary>The files uploaded with the message (multipart files[n]).</summary>
    public IReadOnlyList<ReceivedFile> Files { get; init; } = [];

    public IReadOnlyList<JsonElement> Embeds =>
        Json.TryGetProperty("embeds", out var embeds) && embeds.ValueKind == JsonValueKind.Array ? [.. embeds.EnumerateArray()] : [];

    internal static ReceivedDiscordMessage From(string id, string channelId, string? webhookId, string? threadId, string? replyTo, JsonElement json) =>
        new(id, channelId, webhookId, threadId, replyTo,
            json.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.String ? content.GetString() : null,
            json.TryGetProperty("embeds", out var embeds) && embeds.ValueKind == JsonValueKind.Array ? embeds.GetArrayLength() : 0,
            json, DateTimeOffset.UtcNow);

    /// <summary>The message object Discord answers with (wait=true, bot create, edit).</summary>
    internal JsonObject ToMessageObject(DateTimeOffset? editedAt = null)
    {
        var message = new JsonObject
        {
            ["id"] = Id,
            ["type"] = ReplyToId is null ? 0 : 19,
            ["channel_id"] = ChannelId,
            ["content"] = Content ?? "",
            ["embeds"] = Json.TryGetProperty("embeds", out var embeds) && embeds.ValueKind == JsonValueKind.Array
                ? JsonNode.Parse(embeds.GetRawText()) : new JsonArray(),
            ["timestamp"] = ReceivedAt.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'"),
            ["edited_timestamp"] = editedAt?.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'"),
            ["author"] = new JsonObject { ["id"] = WebhookId ?? "1000000000000000001", ["username"] = "BorderAlerts", ["bot"] = true },
        };
        if (WebhookId is not null) message["webhook_id"] = WebhookId;
        if (ReplyToId is not null) message["message_reference"] = new JsonObject { ["message_id"] = ReplyToId, ["channel_id"] = ChannelId };
        return message;
    }
}

/// <summary>A thread started from a message (its id is the message's id, as on Discord).</summary>
public sealed record DiscordThread(string Id, string ParentChannelId, string Name);

/// <summary>Increasing snowflakes that look real: milliseconds since the Discord epoch, shifted left 22 bits.</summary>
sealed class Snowflakes
{
    const long DiscordEpochMs = 1420070400000;
    long _last = (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - DiscordEpochMs) << 22;

    public string Next()
    {
        var now = (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - DiscordEpochMs) << 22;
        long seen, next;
        do
        {
            seen = Interlocked.Read(ref _last);
            next = Math.Max(seen + 1, now);
        } while (Interlocked.CompareExchange(ref _last, next, seen) != seen);
        return next.ToString();
    }
}
