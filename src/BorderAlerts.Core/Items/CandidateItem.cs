using BorderAlerts.Core.Parsing;
using BorderAlerts.Core.Rules.Matching;

namespace BorderAlerts.Core.Items;

/// <summary>A parsed item with its identity keys, ready for the store to decide whether it is new.</summary>
public sealed record CandidateItem(ParsedItem Item, IReadOnlyList<string> Keys, string ContentHash)
{
    /// <summary>Rules this item matched; they become alerts only if the item is new and its feed is seeded.</summary>
    public IReadOnlyList<RuleMatch> Matches { get; init; } = [];
}
