using BorderAlerts.Core.Rules.Query;

namespace BorderAlerts.Core.Search;

/// <summary>
/// What the index must contain for an item to be worth checking: a necessary condition derived from the query, never
/// stricter than it. Each store reads it its own way (SQLite: token keys over segments, PostgreSQL: tsquery); the query
/// itself then decides.
/// </summary>
public abstract record SearchExpression;

/// <summary>Tokens in this order, adjacent, in the given fields; the last token as a prefix when <see cref="Prefix"/>.</summary>
public sealed record TokenPhrase(IReadOnlyList<string> Tokens, bool Unigram, bool Prefix, Fields Fields) : SearchExpression;

public sealed record AllOf(IReadOnlyList<SearchExpression> Children) : SearchExpression;

public sealed record AnyOf(IReadOnlyList<SearchExpression> Children) : SearchExpression;

/// <summary>Item filters that a store applies directly (top-level `source:`, `lang:`, `since:` and the command's options).</summary>
public sealed record SearchFilters(IReadOnlyList<(string Value, bool Prefix)> Sources, IReadOnlyList<string> Languages, DateTimeOffset? Since)
{
    public static SearchFilters None { get; } = new([], [], null);
}
