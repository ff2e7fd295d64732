using BorderAlerts.Core.Feeds;
using BorderAlerts.Core.Rules;

namespace BorderAlerts.Core.Admin;

/// <summary>Lays chat-made rules and feeds over what the files say; the files themselves are never rewritten.</summary>
public static class Overrides
{
    public const string ChatFile = "chat";

    public static RulesDocument Apply(RulesDocument file, AdminState state)
    {
        var rules = file.Rules.ToList();
        foreach (var (id, json) in state.All(AdminKinds.Rule))
        {
            var value = AdminJson.Rule(json)!;
            int at = rules.FindIndex(r => r.Rule.Id == id);
            if (value.Removed || value.Rule is null) { if (at >= 0) rules.RemoveAt(at); continue; }
            var entry = new RuleEntry(value.Rule, 0, 1);
            if (at >= 0) rules[at] = entry with { QueryLine = rules[at].QueryLine, QueryColumn = rules[at].QueryColumn };
            else rules.Add(entry);
        }
        return file with { Rules = rules };
    }

    public static IReadOnlyList<FeedDefinition> Apply(IReadOnlyList<FeedDefinition> file, AdminState state)
    {
        var feeds = file.ToList();
        foreach (var (id, json) in state.All(AdminKinds.Feed))
        {
            var value = AdminJson.Feed(json)!;
            int at = feeds.FindIndex(f => f.Id == id);
            if (value.Feed is { } added && at < 0) feeds.Add(added.ToDefinition(value.Paused));
            else if (at >= 0 && value.Paused) feeds[at] = feeds[at] with { Enabled = false };
        }
        return feeds;
    }
}
