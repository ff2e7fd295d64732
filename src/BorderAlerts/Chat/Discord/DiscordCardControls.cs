using System.Text.Json.Nodes;
using BorderAlerts.Commands;
using BorderAlerts.Core.Delivery;
using BorderAlerts.Core.Text;

namespace BorderAlerts.Chat.Discord;

/// <summary>
/// The feedback controls under a bot's card message (docs/platform-contracts.md §D4; webhooks we do not own cannot carry
/// them). Components belong to the message, not to an embed: one card gets two buttons, several cards get two select
/// menus that name each card, so a choice can never land on the wrong card.
/// </summary>
public static class DiscordCardControls
{
    const int Button = 2, Select = 3, Secondary = 2, Danger = 4, MaxLabel = 100;

    public static JsonArray For(IReadOnlyList<AlertCard> cards)
    {
        var voted = cards.Where(c => c.AlertId > 0).ToList();
        if (voted.Count == 0) return [];
        if (voted.Count == 1)
            return [Row(ButtonOf("Not relevant", FeedbackAction.NotRelevant, voted[0], Secondary), ButtonOf("Mute rule 2h", FeedbackAction.MuteRule, voted[0], Danger))];
        var notRelevant = voted.Select((card, i) => Option($"{i + 1}. {card.Title}", FeedbackButtons.Encode(FeedbackAction.NotRelevant, card.AlertId), card.SourceName));
        var mute = voted.DistinctBy(c => c.RuleId).Select(card => Option(card.RuleName, FeedbackButtons.Encode(FeedbackAction.MuteRule, card.AlertId), card.RuleId));
        return [Row(Menu("fb:pick:nr", "Mark a card not relevant…", notRelevant)), Row(Menu("fb:pick:mute", "Mute a rule for 2 h (admins)…", mute))];
    }

    static JsonObject Row(params JsonObject[] components) => new() { ["type"] = 1, ["components"] = new JsonArray(components) };

    static JsonObject ButtonOf(string label, FeedbackAction action, AlertCard card, int style) =>
        new() { ["type"] = Button, ["style"] = style, ["label"] = label, ["custom_id"] = FeedbackButtons.Encode(action, card.AlertId) };

    static JsonObject Menu(string id, string placeholder, IEnumerable<JsonObject> options) => new()
    {
        ["type"] = Select, ["custom_id"] = id, ["placeholder"] = placeholder, ["min_values"] = 1, ["max_values"] = 1,
        ["options"] = new JsonArray(options.Take(25).ToArray()),
    };

    /// <summary>Menu texts are plain text (no markdown, no mentions); feed text still goes through the defuser.</summary>
    static JsonObject Option(string label, string value, string description)
    {
        var option = new JsonObject { ["label"] = Plain(label) is { Length: > 0 } text ? text : "(untitled)", ["value"] = value };
        if (Plain(description) is { Length: > 0 } about) option["description"] = about;
        return option;
    }

    static string Plain(string text) => TextCut.Truncate(ChatText.Defuse(TextCut.OneLine(text)), MaxLabel).Trim();
}
