namespace BorderAlerts.Core.Watchlists;

/// <summary>The published formats a watchlist can be read in (<c>format:</c> in config/watchlists.yaml).</summary>
public enum WatchlistFormat
{
    /// <summary>OFAC's <c>sdnList</c> XML (sdn.xml), in its current or its older namespace.</summary>
    OfacSdnXml,
    /// <summary>The UN Security Council consolidated list XML (<c>CONSOLIDATED_LIST</c>).</summary>
    UnConsolidatedXml,
    /// <summary>OpenSanctions' FollowTheMoney entities export: one JSON entity per line.</summary>
    OpenSanctionsFtm,
}

public static class WatchlistFormats
{
    static readonly (string Name, WatchlistFormat Format)[] Names =
    [
        ("ofac-sdn-xml", WatchlistFormat.OfacSdnXml),
        ("un-consolidated-xml", WatchlistFormat.UnConsolidatedXml),
        ("opensanctions-ftm", WatchlistFormat.OpenSanctionsFtm),
    ];

    public static IEnumerable<string> All => Names.Select(n => n.Name);

    public static bool TryParse(string text, out WatchlistFormat format)
    {
        foreach (var (name, value) in Names)
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase)) { format = value; return true; }
        format = default;
        return false;
    }

    /// <summary>The name watchlists.yaml uses for the format (<c>ofac-sdn-xml</c>).</summary>
    public static string Name(this WatchlistFormat format) => Names.First(n => n.Format == format).Name;
}

/// <summary>One entry of config/watchlists.yaml: where an official list is published and how it is read.</summary>
public sealed record WatchlistDefinition
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required Uri Url { get; init; }
    public required WatchlistFormat Format { get; init; }
    public TimeSpan Every { get; init; } = WatchlistsFile.DefaultEvery;
    /// <summary>Program or regime filters (<c>DPRK*</c>); empty keeps every entry.</summary>
    public ProgramFilter Programs { get; init; } = ProgramFilter.Everything;
    public bool Enabled { get; init; } = true;
    /// <summary>The largest body accepted for this list, in megabytes (lists are far larger than feeds).</summary>
    public int MaxMegabytes { get; init; } = WatchlistsFile.DefaultMaxMegabytes;
}
