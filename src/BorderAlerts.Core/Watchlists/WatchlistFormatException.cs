namespace BorderAlerts.Core.Watchlists;

/// <summary>
/// A list document refused whole: malformed, cut off, hostile (a DTD, entities, absurd nesting) or not the format the
/// list is configured with. The message names the list id, the format and, where known, the line and position; the
/// caller keeps the previous copy of the list in force.
/// </summary>
public sealed class WatchlistFormatException(string listId, WatchlistFormat format, int line, int position, string problem)
    : Exception(Describe(listId, format, line, position, problem))
{
    public string ListId { get; } = listId;
    public WatchlistFormat Format { get; } = format;
    /// <summary>1-based; 0 when the position is not known.</summary>
    public int Line { get; } = line;
    public int Position { get; } = position;
    public string Problem { get; } = problem;

    static string Describe(string listId, WatchlistFormat format, int line, int position, string problem)
    {
        var at = line > 0 ? position > 0 ? $" line {line}, position {position}:" : $" line {line}:" : "";
        return $"watchlist {listId} ({format.Name()}):{at} {problem}";
    }
}
