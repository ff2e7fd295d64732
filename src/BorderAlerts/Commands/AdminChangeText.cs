using BorderAlerts.Core.Text;
using BorderAlerts.Core.Admin;
using BorderAlerts.Core.Feeds;

namespace BorderAlerts.Commands;

/// <summary>
/// A chat change's state before or after, as one readable line for `/rules history` (the store keeps it as JSON).
/// No override means the target is as the files have it (or, for a rule or feed added from chat, not there).
/// </summary>
public static class AdminChangeText
{
    const int Longest = 120;

    public static string Describe(string kind, string? json)
    {
        if (json is null) return "as in the files";
        var text = kind switch
        {
            AdminKinds.Rule => Rule(AdminJson.Rule(json)!),
            AdminKinds.Feed => Feed(AdminJson.Feed(json)!),
            AdminKinds.Job => AdminJson.Job(json) is { } job ? (job.Paused ? "paused" : "running") + (job.RunRequests > 0 ? $" · run now asked {job.RunRequests}×" : "") : json,
            AdminKinds.Mute => AdminJson.MuteUntil(json) is { } until ? $"muted until {until.UtcDateTime:yyyy-MM-dd HH:mm} UTC" : json,
            _ => json,
        };
        return TextCut.Truncate(TextCut.OneLine(text), Longest);
    }

    static string Rule(RuleOverride value) => value switch
    {
        { Removed: true } => "removed",
        { Rule: { } r } => $"{r.Name} · query: {r.Query} · severity: {r.Severity.ToString().ToLowerInvariant()} · to: " +
            $"{(r.To.Count == 0 ? "(default)" : string.Join(", ", r.To))} · {(r.Enabled ? "enabled" : "disabled")}",
        { Enabled: false } => "disabled",
        _ => "enabled",
    };

    static string Feed(FeedOverride value) => value.Feed is { } f
        ? $"{FeedCommands.Shown(new Uri(f.Url))} · language: {f.Language ?? "(guessed)"} · every {DurationParser.Format(f.Every)}{FeedCommands.KindShown(f.Kind)}{(value.Paused ? " · paused" : "")}"
        : value.Paused ? "paused" : "as in the files";
}
