using BorderAlerts.Core.Parsing;

namespace BorderAlerts.Core.Items;

/// <summary>A parsed item with its identity keys, ready for the store to decide whether it is new.</summary>
public sealed record CandidateItem(ParsedItem Item, IReadOnlyList<string> Keys, string ContentHash);
