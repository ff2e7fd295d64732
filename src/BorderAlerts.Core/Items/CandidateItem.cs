using BorderAlerts.Core.Parsing;
using BorderAlerts.Core.Rules.Matching;
using BorderAlerts.Core.Stories;

namespace BorderAlerts.Core.Items;

/// <summary>A parsed item with its identity keys, ready for the store to decide whether it is new.</summary>
public sealed record CandidateItem(ParsedItem Item, IReadOnlyList<string> Keys, string ContentHash)
{
    /// <summary>Rules this item matched; they become alerts only if the item is new and its feed is seeded.</summary>
    public IReadOnlyList<RuleMatch> Matches { get; init; } = [];

    /// <summary>
    /// For an item with matches: how the store finds the story it belongs to (see <see cref="StoryPlacement"/>), worked
    /// out only when the store alerts on it (most matching items on a page are already known).
    /// </summary>
    public Lazy<StoryPlacement>? Story { get; init; }

    /// <summary>The story placement, or one from the wording alone for an item matched without the pipeline (tests, imports).</summary>
    public StoryPlacement PlacementFor(string feed, string? language) =>
        Story?.Value ?? StoryPlacement.Of(feed, language, Item.Title, Item.Text, Item.Published, [], StoryConcepts.None);
}
