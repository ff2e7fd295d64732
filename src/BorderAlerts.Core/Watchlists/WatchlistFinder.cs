using BorderAlerts.Core.Text;

namespace BorderAlerts.Core.Watchlists;

/// <summary>An entry in force that a lookup found, with the list it is on and the name that matched.</summary>
public sealed record WatchlistHit(WatchlistDefinition List, WatchlistEntry Entry, string MatchedName);

/// <summary>
/// `watchlists find` and `/watchlists find`: the entries in force whose name, an alias or an original-script name holds
/// every word asked for, folded as rules fold text (case, width, hyphens, Korean initial sounds), so "kim jong-un" finds
/// KIM JONG UN and 리 finds 이. Names written without spaces are found too ("Chonmasan" finds CHON MA SAN).
/// </summary>
public static class WatchlistFinder
{
    public static IReadOnlyList<WatchlistHit> Find(IEnumerable<WatchlistSnapshot> lists, string words, int limit = 50)
    {
        var folded = MatchText.Normalize(words);
        var parts = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) return [];
        var joined = string.Concat(parts);
        var hits = new List<WatchlistHit>();
        foreach (var snapshot in lists)
            foreach (var entry in snapshot.Entries)
            {
                if (Matching(entry, parts, joined) is not { } name) continue;
                hits.Add(new WatchlistHit(snapshot.List, entry, name));
                if (hits.Count == limit) return hits;
            }
        return hits;
    }

    static string? Matching(WatchlistEntry entry, string[] parts, string joined)
    {
        foreach (var name in Names(entry))
        {
            var folded = MatchText.Normalize(name);
            if (parts.All(p => folded.Contains(p, StringComparison.Ordinal)) || folded.Replace(" ", "").Contains(joined, StringComparison.Ordinal))
                return name;
        }
        return null;
    }

    static IEnumerable<string> Names(WatchlistEntry entry) =>
        [entry.Name, .. entry.Aliases.Select(a => a.Name), .. entry.OriginalScriptNames];
}
