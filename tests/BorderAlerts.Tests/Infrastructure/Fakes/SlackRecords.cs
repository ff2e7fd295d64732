using System.Text.Json;
using System.Text.Json.Nodes;

namespace BorderAlerts.Tests.Infrastructure;

/// <summary>
/// A message Slack accepted. <see cref="WebhookPath"/> is set when it came through an incoming webhook, null for
/// chat.postMessage; <see cref="ThreadTs"/> is the thread it replied to.
/// </summary>
public sealed record ReceivedSlackMessage(string Channel, string Ts, string? ThreadTs, string? Text, JsonElement? Blocks,
    JsonElement Json, string? WebhookPath, DateTimeOffset ReceivedAt)
{
    /// <summary>The files shared with the message (files.completeUploadExternal).</summary>
    public IReadOnlyList<ReceivedFile> Files { get; init; } = [];

    public int BlockCount => Blocks is { ValueKind: JsonValueKind.Array } blocks ? blocks.GetArrayLength() : 0;

    internal static ReceivedSlackMessage From(string channel, string ts, JsonElement json, string? webhookPath) =>
        new(channel, ts, StringOf(json, "thread_ts"), StringOf(json, "text"),
            json.TryGetProperty("blocks", out var blocks) && blocks.ValueKind != JsonValueKind.Null ? blocks : null,
            json, webhookPath, DateTimeOffset.UtcNow);

    /// <summary>The "message" object of a chat.postMessage / chat.update answer.</summary>
    internal JsonObject ToMessageObject()
    {
        var message = new JsonObject
        {
            ["type"] = "message", ["user"] = "U0FAKEBOT", ["bot_id"] = "B0FAKEBOT", ["app_id"] = "A0FAKEAPP",
            ["text"] = Text ?? "", ["ts"] = Ts, ["team"] = "T0FAKE",
        };
        if (Blocks is { } blocks) message["blocks"] = JsonNode.Parse(blocks.GetRawText());
        if (ThreadTs is not null) message["thread_ts"] = ThreadTs;
        return message;
    }

    internal static string? StringOf(JsonElement json, string name) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>A channel the bot knows: not a member → not_in_channel, archived → is_archived.</summary>
sealed record SlackChannel(string Id, bool Member = true, bool Archived = false);

public enum SlackHookStatus { Active, Archived, Prohibited }

/// <summary>An incoming webhook: its path under /services/, the channel it posts to, and its state.</summary>
sealed record SlackHook(string Path, string Channel, SlackHookStatus Status);

/// <summary>Message timestamps as Slack writes them, "&lt;unix seconds&gt;.&lt;6 digits&gt;", strictly increasing.</summary>
sealed class SlackClock
{
    long _lastMicros;

    public string Next()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;
        long seen, next;
        do
        {
            seen = Interlocked.Read(ref _lastMicros);
            next = Math.Max(seen + 1, now);
        } while (Interlocked.CompareExchange(ref _lastMicros, next, seen) != seen);
        return $"{next / 1_000_000}.{next % 1_000_000:D6}";
    }
}
