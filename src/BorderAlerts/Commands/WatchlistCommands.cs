using System.Text;
using BorderAlerts.Core.Text;
using BorderAlerts.Core.Watchlists;

namespace BorderAlerts.Commands;

/// <summary>
/// `/watchlists find name:&lt;words&gt;` for everyone: the entries in force whose name or alias holds the words (case and
/// hyphens ignored), each with its list, type, programs, listing date, identifiers and link. List text goes in one
/// line per entry through <see cref="TextCut.OneLine"/>.
/// </summary>
public sealed class WatchlistCommands(StoredWatchlistCatalog catalog)
{
    public const int MaxHits = 10;

    public async Task<CommandReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var words = request.Required("name");
        await catalog.RefreshAsync(cancellationToken); // one small read: the copies another instance refreshed a moment ago count
        var lists = catalog.Current().Lists;
        if (lists.Count == 0) return new CommandReply("No watchlist has a copy in force yet (an admin enables lists in watchlists.yaml).");
        var hits = WatchlistFinder.Find(lists, words, MaxHits + 1);
        if (hits.Count == 0) return new CommandReply($"No entry on {string.Join(", ", lists.Select(l => l.List.Name))} matches “{TextCut.OneLine(words)}”.");
        var text = new StringBuilder($"Entries matching “{TextCut.OneLine(words)}”{(hits.Count > MaxHits ? $" (the first {MaxHits}; add words to narrow it)" : "")}:");
        foreach (var hit in hits.Take(MaxHits)) text.Append("\n• ").Append(TextCut.OneLine(Line(hit)));
        return new CommandReply(text.ToString());
    }

    static string Line(WatchlistHit hit)
    {
        var e = hit.Entry;
        var parts = new List<string> { $"{e.Name} ({e.Type.ToString().ToLowerInvariant()})", hit.List.Name };
        if (e.Programs.Count > 0) parts.Add(string.Join(", ", e.Programs));
        if (e.ListedOn is { } on) parts.Add($"listed {on:yyyy-MM-dd}");
        if (e.Identifiers.Count > 0) parts.Add(string.Join(", ", e.Identifiers.Take(3).Select(i => $"{i.Kind} {i.Value}")));
        if (hit.MatchedName != e.Name) parts.Add($"as “{hit.MatchedName}”");
        if (e.Link is { } link) parts.Add(link.ToString());
        return string.Join(" · ", parts);
    }
}
