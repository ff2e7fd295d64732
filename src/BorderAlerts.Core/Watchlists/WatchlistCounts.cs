namespace BorderAlerts.Core.Watchlists;

/// <summary>
/// What one read of a list found, filled in as its entries are enumerated (final once the enumeration ends): entries
/// kept, entries outside the program filter, records of a kind lists do not designate (OpenSanctions' Sanction or
/// Address records), and entries skipped, counted by reason.
/// </summary>
public sealed class WatchlistCounts
{
    readonly Dictionary<string, int> _skipped = new(StringComparer.Ordinal);

    public int Entries { get; internal set; }
    public int FilteredOut { get; internal set; }
    public int Ignored { get; internal set; }
    public IReadOnlyDictionary<string, int> Skipped => _skipped;
    public int SkippedTotal => _skipped.Values.Sum();
    /// <summary>The list's own date of publication as it writes it (OFAC Publish_Date, UN dateGenerated), if any.</summary>
    public string? PublishedOn { get; internal set; }
    /// <summary>How many entries the list says it holds (OFAC Record_Count), if it says.</summary>
    public int? DeclaredCount { get; internal set; }

    internal void Skip(string reason) => _skipped[reason] = _skipped.GetValueOrDefault(reason) + 1;

    public override string ToString() =>
        $"{Entries} entries, {FilteredOut} outside the programs, {SkippedTotal} skipped" +
        (_skipped.Count == 0 ? "" : $" ({string.Join(", ", _skipped.Select(s => $"{s.Key}: {s.Value}"))})");
}
