namespace BorderAlerts.Core.Rules.Query;

[Flags]
public enum Fields { None = 0, Title = 1, Text = 2, Any = Title | Text }

/// <summary>A parsed query. Leaves match text; filters match item metadata; the rest combine.</summary>
public abstract record QueryNode
{
    /// <summary>Column (1-based) where the node starts, for messages.</summary>
    public int Column { get; init; }
}

/// <summary>A term or phrase, already normalised. Prefix = trailing wildcard.</summary>
public sealed record TermNode(string Raw, string Normalized, Fields Fields, bool Prefix) : QueryNode;

/// <summary>A concept: the OR of its aliases.</summary>
public sealed record ConceptNode(string Name, IReadOnlyList<TermNode> Aliases, Fields Fields) : QueryNode;

public sealed record RegexNode(string Pattern, System.Text.RegularExpressions.Regex Regex, Fields Fields) : QueryNode;

public enum FilterKind { Source, Lang, Since }

public sealed record FilterNode(FilterKind Kind, string Value, bool Prefix, TimeSpan? Since = null) : QueryNode;

public sealed record AndNode(IReadOnlyList<QueryNode> Children) : QueryNode;

public sealed record OrNode(IReadOnlyList<QueryNode> Children) : QueryNode;

public sealed record NotNode(QueryNode Child) : QueryNode;

/// <summary>
/// A hit of <see cref="Subject"/> at most <see cref="Words"/> words from a hit of <see cref="Context"/>, in the same field.
/// Not written in queries: a watchlist concept makes it for short or common names (<c>ListConcepts.ContextWords</c>).
/// </summary>
public sealed record NearNode(QueryNode Subject, QueryNode Context, int Words) : QueryNode;
