namespace BorderAlerts.Commands;

/// <summary>What a card's button asks: mark its alert not relevant, take that back, or mute its rule for two hours.</summary>
public enum FeedbackAction { NotRelevant, Relevant, MuteRule }

public sealed record FeedbackButton(FeedbackAction Action, long AlertId);

/// <summary>
/// A card button carries its action and alert in its id (Discord custom_id, Slack value), so any instance answers it
/// without remembering anything. Whoever presses it is checked when it is answered, never trusted from the id.
/// </summary>
public static class FeedbackButtons
{
    const string Prefix = "fb";

    public static string Encode(FeedbackAction action, long alertId) => $"{Prefix}:{Code(action)}:{alertId}";

    public static FeedbackButton? Decode(string? id)
    {
        var parts = id?.Split(':');
        if (parts is not [Prefix, var code, var alert] || !long.TryParse(alert, System.Globalization.NumberStyles.None, null, out var alertId) || alertId <= 0)
            return null;
        FeedbackAction? action = code switch { "nr" => FeedbackAction.NotRelevant, "ok" => FeedbackAction.Relevant, "mute" => FeedbackAction.MuteRule, _ => null };
        return action is { } a ? new FeedbackButton(a, alertId) : null;
    }

    static string Code(FeedbackAction action) => action switch
    {
        FeedbackAction.NotRelevant => "nr",
        FeedbackAction.Relevant => "ok",
        _ => "mute",
    };
}
