using System.Text.Json.Nodes;

namespace BorderAlerts.Chat.Slack;

/// <summary>
/// What Socket Mode hands on. <see cref="SlashCommand"/> returns the response message (<c>{"response_type","text",
/// "blocks"}</c>) to put in the acknowledgement, or null for an empty one; <see cref="Interactive"/> gets the
/// block_actions / view_submission payload after the empty acknowledgement has gone. Register your own
/// <c>SlackSocketHandlers</c> singleton to replace the default, which only says commands are not available.
/// </summary>
public sealed record SlackSocketHandlers(
    Func<SlackCommandEnvelope, CancellationToken, Task<JsonObject?>> SlashCommand,
    Func<JsonObject, CancellationToken, Task> Interactive)
{
    public static SlackSocketHandlers NotAvailable { get; } = new(
        (_, _) => Task.FromResult<JsonObject?>(new JsonObject
        {
            ["response_type"] = "ephemeral",
            ["text"] = "BorderAlerts commands are not available on this instance yet.",
        }),
        (_, _) => Task.CompletedTask);
}

/// <summary>Socket Mode settings. The app token is a secret: ToString never shows it.</summary>
public sealed class SlackSocketModeOptions
{
    public required string AppToken { get; init; }

    /// <summary>The Web API base, e.g. https://slack.com/api (apps.connections.open is relative to it).</summary>
    public required Uri ApiBase { get; init; }

    /// <summary>How long a slash command may take before the empty ack goes and its answer is posted to response_url (Slack allows 3 s).</summary>
    public TimeSpan AckDeadline { get; init; } = TimeSpan.FromSeconds(2.5);

    /// <summary>First wait after a dropped connection or a failed open; doubles up to <see cref="MaxReconnectDelay"/>.</summary>
    public TimeSpan ReconnectDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxReconnectDelay { get; init; } = TimeSpan.FromMinutes(2);

    public override string ToString() => $"Slack Socket Mode via {ApiBase.Host}";
}
