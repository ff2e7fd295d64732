using BorderAlerts.Core.Parsing;
using BorderAlerts.Core.Rules.Matching;
using BorderAlerts.Core.Stories;

namespace BorderAlerts.Core.Items;

/// <summary>A parsed item with its identity keys, ready for the store to decide whether it is new.</summary>
public sealed record CandidateItem(ParsedItem Item, IReadOnlyList<string> Keys, string ContentHash)
{
    Lazy<IReadOnlyList<RuleMatch>> _matches = new([]);

    /// <summary>Rules this item matched; they become alerts only if the item is new and its feed is seeded.</summary>
    public IReadOnlyList<RuleMatch> Matches { get => _matches.Value; init => _matches = new(value); }

    /// <summary>
    /// Matches worked out on first use: the poll's triage asks only for items that could alert (new to the store, or
    /// promoted), so the many items a page repeats from earlier polls are never matched again.
    /// </summary>
    public Func<IReadOnlyList<RuleMatch>> MatchOnDemand { init => _matches = new(value); }

    /// <summary>Whether the rules have been run on this item (for tests of what the pipeline skips).</summary>
    public bool Matched => _matches.IsValueCreated;

    /// <summary>
    /// For an item with matches: how the store finds the story it belongs to (see <see cref="StoryPlacement"/>), worked
    /// out only when the store alerts on it (most matching items on a page are already known).
    /// </summary>
    public Lazy<StoryPlacement>? Story { get; init; }

    /// <summary>The story placement, or one from the wording alone for an item matched without the pipeline (tests, imports).</summary>
    public StoryPlacement PlacementFor(string feed, string? language) =>
        Story?.Value ?? StoryPlacement.Of(feed, language, Item.Title, Item.Text, Item.Published, [], StoryConcepts.None);
}
