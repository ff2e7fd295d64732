using System.Text.Json.Nodes;
using BorderAlerts.Commands;
using BorderAlerts.Core.Delivery;
using BorderAlerts.Core.Text;

namespace BorderAlerts.Chat.Slack;

/// <summary>
/// Block Kit buttons (docs/platform-contracts.md §S5, §S7): the feedback actions under each card the bot posts (incoming
/// webhooks cannot take interactions back to us), and the buttons of a command's answer. A pressed button comes back
/// as a block_actions payload carrying its value.
/// </summary>
public static class SlackButtons
{
    const int MaxText = 75;

    /// <summary>"Not relevant" and "Mute rule 2h" for one card; null for a card with no alert behind it.</summary>
    public static JsonObject? Feedback(AlertCard card) => card.AlertId <= 0 ? null : Actions($"fb-{card.AlertId}",
    [
        Button("Not relevant", "fb-not-relevant", FeedbackButtons.Encode(FeedbackAction.NotRelevant, card.AlertId)),
        Button("Mute rule 2h", "fb-mute-rule", FeedbackButtons.Encode(FeedbackAction.MuteRule, card.AlertId), style: "danger"),
    ]);

    public static JsonObject Actions(string? blockId, IReadOnlyList<JsonObject> buttons)
    {
        var block = new JsonObject { ["type"] = "actions", ["elements"] = new JsonArray(buttons.Take(25).Select(b => (JsonNode)b).ToArray()) };
        if (blockId is not null) block["block_id"] = blockId;
        return block;
    }

    public static JsonObject Button(string label, string actionId, string value, string? style = null)
    {
        var button = new JsonObject
        {
            ["type"] = "button", ["action_id"] = actionId, ["value"] = value,
            ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = TextCut.Truncate(label, MaxText) },
        };
        if (style is not null) button["style"] = style;
        return button;
    }
}
