namespace BorderAlerts.Core.Items;

/// <summary>A stored item as a poll's triage sees it: its id, whether it may alert, and when it was first seen.</summary>
public sealed record KnownItem(long Id, bool Alertable, DateTimeOffset FirstSeen);

/// <summary>Which item a candidate is: one already stored, or the n-th new item of this poll (ids come from the store).</summary>
public readonly record struct ItemRef(long? KnownId, int NewSlot)
{
    public static ItemRef Known(long id) => new(id, -1);
    public static ItemRef New(int slot) => new(null, slot);
    public bool IsNew => KnownId is null;
}

/// <summary>
/// One candidate's fate: the item it is, whether this feed sees it for the first time, and what follows: alerts for a
/// new item of a seeded feed, or for a known item this feed promotes (see <see cref="PollTriage"/>).
/// </summary>
public sealed record TriagedItem(CandidateItem Candidate, ItemRef Item, bool FirstSighting, bool Promote, bool Alert);

/// <summary>
/// The store's part of the pipeline as decisions, made in memory over one lookup of a poll's keys (ADR 0002: identity
/// is global). A candidate whose any key is known, in the store or earlier in this poll, is a sighting of that item and
/// adds its other keys to it; otherwise it is new. A new item alerts if its feed is seeded and a rule matched it. A
/// known item another feed recorded while seeding within the last hour (<see cref="PromoteWithin"/>) is news to a
/// seeded feed that sees it for the first time: it is promoted and alerts; older seeded items stay quiet, so adding a
/// feed never floods a channel through its neighbours. The stores write what this returns, inside their transaction.
/// </summary>
public sealed record PollTriage(IReadOnlyList<TriagedItem> Items, int NewItems, IReadOnlyList<(string Key, ItemRef Item)> NewKeys)
{
    public static readonly TimeSpan PromoteWithin = TimeSpan.FromHours(1);

    /// <param name="known">The stored items of the keys the store knows.</param>
    /// <param name="sightedByFeed">Stored items this feed has sighted before.</param>
    public static PollTriage Decide(IReadOnlyList<CandidateItem> candidates, IReadOnlyDictionary<string, KnownItem> known,
        IReadOnlySet<long> sightedByFeed, bool alertOnNew, DateTimeOffset at)
    {
        var owners = new Dictionary<string, ItemRef>(StringComparer.Ordinal);
        var byId = new Dictionary<long, KnownItem>();
        foreach (var (key, item) in known) { owners[key] = ItemRef.Known(item.Id); byId[item.Id] = item; }
        var promoted = new HashSet<long>();
        var seenNow = new HashSet<ItemRef>();
        var items = new List<TriagedItem>(candidates.Count);
        var newKeys = new List<(string, ItemRef)>();
        int slots = 0;
        foreach (var candidate in candidates)
        {
            var owner = candidate.Keys.Select(k => owners.TryGetValue(k, out var r) ? r : (ItemRef?)null).FirstOrDefault(r => r is not null)
                ?? ItemRef.New(slots++);
            foreach (var key in candidate.Keys)
                if (owners.TryAdd(key, owner)) newKeys.Add((key, owner));
            bool first = seenNow.Add(owner) && !(owner.KnownId is { } id && sightedByFeed.Contains(id));
            // Only a candidate that could alert is matched: most of a page is known already (CandidateItem.MatchOnDemand).
            bool promotable = first && owner.KnownId is { } knownId && byId[knownId] is { Alertable: false } stored
                && stored.FirstSeen >= at - PromoteWithin && !promoted.Contains(knownId);
            bool matched = alertOnNew && (owner.IsNew && first || promotable) && candidate.Matches.Count > 0;
            bool promote = matched && promotable && promoted.Add(owner.KnownId!.Value);
            bool alert = matched;
            items.Add(new TriagedItem(candidate, owner, first, promote, alert));
        }
        return new PollTriage(items, slots, newKeys);
    }
}
