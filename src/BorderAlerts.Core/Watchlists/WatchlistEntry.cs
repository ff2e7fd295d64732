namespace BorderAlerts.Core.Watchlists;

public enum WatchlistEntryType { Individual, Entity, Vessel, Aircraft, Other }

/// <summary>How much a list trusts an alias: OFAC's aka <c>category</c> (strong/weak), the UN's <c>QUALITY</c>
/// (Good, a.k.a., f.k.a. are strong; Low is weak), OpenSanctions' <c>alias</c> against <c>weakAlias</c>.</summary>
public enum AliasStrength { Strong, Weak }

public sealed record WatchlistAlias(string Name, AliasStrength Strength);

/// <summary>
/// An identifier as the list publishes it: <see cref="Kind"/> is the list's own label (<c>Passport</c>, <c>MMSI</c>),
/// except IMO numbers (<see cref="Imo"/>, the 7 digits) and call signs (<see cref="CallSign"/>). <see cref="Valid"/> is
/// false for an IMO number whose check digit is wrong, or that has no 7 digits: it is kept, as published, but flagged.
/// </summary>
public sealed record WatchlistIdentifier(string Kind, string Value, bool Valid = true)
{
    public const string Imo = "IMO";
    public const string CallSign = "Call sign";
    public const string Mmsi = "MMSI";
}

/// <summary>A fact the list gives that is not a name or an identifier (vessel flag and type, date of birth, nationality).</summary>
public sealed record WatchlistDetail(string Label, string Value);

/// <summary>
/// One designation on an official list, as the list publishes it: read by <see cref="WatchlistParser"/>, one at a time,
/// from OFAC's sdn.xml, the UN consolidated list or OpenSanctions' FollowTheMoney export.
/// </summary>
public sealed record WatchlistEntry
{
    /// <summary>The watchlist's id in watchlists.yaml (<c>ofac-sdn</c>).</summary>
    public required string ListId { get; init; }
    /// <summary>The entry's own reference: OFAC uid, UN REFERENCE_NUMBER (its DATAID when it has none), FtM id.</summary>
    public required string EntryId { get; init; }
    public required WatchlistEntryType Type { get; init; }
    /// <summary>The primary name as listed (OFAC writes people "LAST, First"; the UN "FIRST SECOND THIRD").</summary>
    public required string Name { get; init; }
    public IReadOnlyList<WatchlistAlias> Aliases { get; init; } = [];
    /// <summary>Names in the original script (UN NAME_ORIGINAL_SCRIPT: the DPRK's Hangul, Chinese characters).</summary>
    public IReadOnlyList<string> OriginalScriptNames { get; init; } = [];
    /// <summary>OFAC programList, UN UN_LIST_TYPE, OpenSanctions program/programId and datasets.</summary>
    public IReadOnlyList<string> Programs { get; init; } = [];
    public DateOnly? ListedOn { get; init; }
    public IReadOnlyList<WatchlistIdentifier> Identifiers { get; init; } = [];
    public IReadOnlyList<WatchlistDetail> Details { get; init; } = [];
    /// <summary>The entry on the list's own site, where it has one.</summary>
    public Uri? Link { get; init; }
}
