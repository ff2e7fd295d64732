using System.Text.Json;
using System.Text.Json.Nodes;

namespace BorderAlerts.Chat.Slack;

/// <summary>
/// A slash command as it arrives over Socket Mode: the fields of an HTTP slash command (docs/platform-contracts.md §S1) that
/// the dispatcher needs. https://api.slack.com/interactivity/slash-commands
/// </summary>
public sealed record SlackCommandEnvelope(string Command, string Text, string UserId, string ChannelId, string ResponseUrl,
    string TriggerId, string TeamId)
{
    public string? UserName { get; init; }
    public string? ChannelName { get; init; }

    /// <summary>The payload of a slash_commands envelope; null when it lacks the command or the user.</summary>
    public static SlackCommandEnvelope? FromPayload(JsonObject payload)
    {
        string Field(string name) => payload[name] is JsonValue value && value.TryGetValue(out string? text) ? text : "";
        var command = Field("command");
        if (command.Length == 0 || Field("user_id").Length == 0) return null;
        return new(command, Field("text"), Field("user_id"), Field("channel_id"), Field("response_url"), Field("trigger_id"), Field("team_id"))
        {
            UserName = Field("user_name") is { Length: > 0 } user ? user : null,
            ChannelName = Field("channel_name") is { Length: > 0 } channel ? channel : null,
        };
    }
}

/// <summary>
/// What Slack sends on a Socket Mode connection (docs/platform-contracts.md §S6): hello, disconnect with a reason, or an
/// envelope (slash_commands, interactive, events_api) that must be acknowledged on the same socket.
/// https://api.slack.com/apis/socket-mode
/// </summary>
public abstract record SlackSocketMessage
{
    public sealed record Hello(string? AppId, int? ApproximateConnectionSeconds) : SlackSocketMessage;

    public sealed record Disconnect(string Reason) : SlackSocketMessage
    {
        /// <summary>Slack switched Socket Mode off for the app or this link: reconnecting would not help.</summary>
        public bool Final => Reason is "socket_mode_disabled" or "link_disabled";
    }

    public sealed record Envelope(string EnvelopeId, string Type, bool AcceptsResponsePayload, JsonObject Payload, int RetryAttempt) : SlackSocketMessage;

    public sealed record Other(string Type) : SlackSocketMessage;

    public static SlackSocketMessage Parse(string text)
    {
        JsonObject? json;
        try { json = JsonNode.Parse(text) as JsonObject; }
        catch (JsonException) { return new Other("(not JSON)"); }
        if (json is null) return new Other("(not an object)");
        var type = String(json["type"]) ?? "";
        if (type == "hello")
            return new Hello(String(json["connection_info"]?["app_id"]), Int(json["debug_info"]?["approximate_connection_time"]));
        if (type == "disconnect") return new Disconnect(String(json["reason"]) ?? "unknown");
        if (String(json["envelope_id"]) is { Length: > 0 } id)
            return new Envelope(id, type, json["accepts_response_payload"] is JsonValue v && v.TryGetValue(out bool accepts) && accepts,
                json["payload"] as JsonObject ?? [], Int(json["retry_attempt"]) ?? 0);
        return new Other(type);
    }

    /// <summary>The acknowledgement: <c>{"envelope_id":…}</c>, with the response payload when one is given.</summary>
    public static string Ack(string envelopeId, JsonObject? payload)
    {
        var ack = new JsonObject { ["envelope_id"] = envelopeId };
        if (payload is not null) ack["payload"] = payload.DeepClone();
        return ack.ToJsonString();
    }

    static string? String(JsonNode? node) => node is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    static int? Int(JsonNode? node) => node is JsonValue value && value.TryGetValue(out int number) ? number : null;
}
