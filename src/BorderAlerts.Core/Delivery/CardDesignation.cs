using BorderAlerts.Core.Watchlists;

namespace BorderAlerts.Core.Delivery;

/// <summary>
/// A designation the card's item named (a watchlist entry behind a matched name): the list, the entry's type, its name
/// as listed, programs, listing date, identifiers and the entry on the list's site. List text is untrusted, like feed
/// text: renderers escape it.
/// </summary>
public sealed record CardDesignation(string ListName, string Type, string ListedName, IReadOnlyList<string> Programs, DateOnly? ListedOn,
    IReadOnlyList<string> Identifiers, Uri? Link)
{
    /// <summary>At most this many designations on one card: an item naming more is a list, not news about one.</summary>
    public const int MaxPerCard = 3;

    public static CardDesignation From(WatchlistEntry entry, string listName) => new(listName, entry.Type.ToString().ToLowerInvariant(), entry.Name,
        entry.Programs, entry.ListedOn, [.. entry.Identifiers.Where(i => i.Valid).Select(i => $"{i.Kind} {i.Value}").Take(4)], entry.Link);

    /// <summary>What follows the name, in plain words: "OFAC SDN list · vessel · DPRK3 · listed 2018-03-30 · IMO 9030591".</summary>
    public string Facts() => string.Join(" · ", new[]
    {
        ListName, Type, Programs.Count > 0 ? string.Join(", ", Programs.Take(4)) : null, ListedOn is { } on ? $"listed {on:yyyy-MM-dd}" : null,
        Identifiers.Count > 0 ? string.Join(", ", Identifiers) : null,
    }.OfType<string>());
}
