namespace BorderAlerts.Core.Watchlists;

/// <summary>
/// What a refresh changed in a list's copy, by entry id: the new designations and the removals (in the filtered
/// programs, since only those are kept), and the one notice per refresh that tells them.
/// </summary>
public sealed record WatchlistChanges(IReadOnlyList<WatchlistEntry> Added, IReadOnlyList<WatchlistEntry> Removed)
{
    /// <summary>Under Discord's 2,000 characters and Slack's section limit, with room for the "and N more".</summary>
    public const int NoticeBudget = 1800;

    public bool Any => Added.Count > 0 || Removed.Count > 0;

    public static WatchlistChanges Between(IReadOnlyList<WatchlistEntry> previous, IReadOnlyList<WatchlistEntry> current)
    {
        var before = previous.Select(e => e.EntryId).ToHashSet(StringComparer.Ordinal);
        var after = current.Select(e => e.EntryId).ToHashSet(StringComparer.Ordinal);
        return new([.. current.Where(e => !before.Contains(e.EntryId))], [.. previous.Where(e => !after.Contains(e.EntryId))]);
    }

    /// <summary>"3 new DPRK designations on the OFAC SDN list: NAME (vessel, DPRK3), …; 1 removed: …", cut to the budget.</summary>
    public string Notice(WatchlistDefinition list)
    {
        var programs = list.Programs.KeepsEverything ? "" : string.Join("/", list.Programs.Patterns.Select(p => p.TrimEnd('*'))) + " ";
        var parts = new List<string>();
        if (Added.Count > 0) parts.Add($"{Added.Count} new {programs}{Plural(Added.Count, "designation")} on the {list.Name}: {Names(Added, NoticeBudget / 2)}");
        if (Removed.Count > 0) parts.Add($"{Removed.Count} removed{(Added.Count == 0 ? $" from the {list.Name}" : "")}: {Names(Removed, NoticeBudget / 3)}");
        return string.Join("; ", parts) + ".";
    }

    static string Names(IReadOnlyList<WatchlistEntry> entries, int budget)
    {
        var shown = new List<string>();
        var length = 0;
        foreach (var entry in entries)
        {
            var text = Describe(entry);
            if (shown.Count > 0 && length + text.Length > budget) break;
            shown.Add(text);
            length += text.Length + 2;
        }
        var rest = entries.Count - shown.Count;
        return string.Join(", ", shown) + (rest > 0 ? $" and {rest} more" : "");
    }

    /// <summary>NAME (type, programs).</summary>
    public static string Describe(WatchlistEntry entry) =>
        $"{entry.Name} ({entry.Type.ToString().ToLowerInvariant()}{(entry.Programs.Count > 0 ? ", " + string.Join(", ", entry.Programs) : "")})";

    static string Plural(int count, string word) => count == 1 ? word : word + "s";
}
