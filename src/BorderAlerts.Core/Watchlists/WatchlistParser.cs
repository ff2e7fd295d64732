namespace BorderAlerts.Core.Watchlists;

/// <summary>
/// Reads a list document in its configured format, streamed: one entry in memory at a time, whatever the size of the
/// document. Entries outside the list's <c>programs:</c> are counted, not returned; an entry without a usable name is
/// skipped and counted. A document that is empty, an HTML page, malformed, cut off, hostile or in another format throws
/// <see cref="WatchlistFormatException"/> when the enumeration reaches the problem: the caller keeps the previous copy.
/// </summary>
public static class WatchlistParser
{
    public static IEnumerable<WatchlistEntry> Parse(WatchlistDefinition list, Stream body, WatchlistCounts counts)
    {
        var reading = new ListReading(list.Id, list.Format, counts);
        return Filter(Read(reading, body), list.Programs, counts);
    }

    static IEnumerable<WatchlistEntry> Read(ListReading reading, Stream body)
    {
        // An iterator, so nothing is read (and nothing refused) before the caller enumerates.
        var entries = reading.Format switch
        {
            WatchlistFormat.OfacSdnXml => WatchlistXml.Read(reading, body, OfacSdnParser.Entries),
            WatchlistFormat.UnConsolidatedXml => WatchlistXml.Read(reading, body, UnConsolidatedParser.Entries),
            WatchlistFormat.OpenSanctionsFtm => FtmParser.Entries(reading, body),
            _ => throw new ArgumentOutOfRangeException(nameof(reading), reading.Format, "unknown watchlist format"),
        };
        foreach (var entry in entries) yield return entry;
    }

    static IEnumerable<WatchlistEntry> Filter(IEnumerable<WatchlistEntry> entries, ProgramFilter programs, WatchlistCounts counts)
    {
        foreach (var entry in entries)
        {
            if (!programs.Keeps(entry.Programs)) { counts.FilteredOut++; continue; }
            counts.Entries++;
            yield return entry;
        }
    }
}

/// <summary>The list being read, for the parsers: whom to name in a refusal, where to count.</summary>
internal sealed record ListReading(string ListId, WatchlistFormat Format, WatchlistCounts Counts)
{
    public WatchlistFormatException Refuse(string problem, int line = 0, int position = 0) => new(ListId, Format, line, position, problem);

    public const string NoName = "no usable name";
    public const string NoId = "no id";
}
