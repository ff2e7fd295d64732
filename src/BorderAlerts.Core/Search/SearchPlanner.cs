using BorderAlerts.Core.Rules.Query;

namespace BorderAlerts.Core.Search;

/// <summary>A query split into what the index can narrow, what the store filters, and what is left to check per item.</summary>
public sealed record SearchPlan(SearchExpression? Restriction, SearchFilters Filters, QueryNode? Remainder);

/// <summary>
/// Turns a parsed query into a <see cref="SearchPlan"/>. Top-level filters go to the store; terms, phrases and concepts
/// become token phrases; NOT and regexes cannot narrow (a NOT of a superset would drop true matches), so they narrow
/// nothing and are left to the exact check, which runs the query as a rule would.
/// </summary>
public static class SearchPlanner
{
    public static SearchPlan Plan(QueryNode query, DateTimeOffset now)
    {
        var conjuncts = Conjuncts(query);
        var sources = new List<(string, bool)>();
        var languages = new List<string>();
        DateTimeOffset? since = null;
        var rest = new List<QueryNode>();
        foreach (var node in conjuncts)
        {
            switch (node)
            {
                case FilterNode { Kind: FilterKind.Source } f: sources.Add((f.Value, f.Prefix)); break;
                case FilterNode { Kind: FilterKind.Lang } f: languages.Add(f.Value); break;
                case FilterNode { Kind: FilterKind.Since, Since: { } age }: since = Later(since, now - age); break;
                default: rest.Add(node); break;
            }
        }
        QueryNode? remainder = rest.Count switch { 0 => null, 1 => rest[0], _ => new AndNode(rest) };
        return new SearchPlan(remainder is null ? null : Narrow(remainder), new SearchFilters(sources, languages, since), remainder);
    }

    /// <summary>The AND-ed parts of a query, nested ANDs flattened (the command's options wrap the typed query).</summary>
    static IEnumerable<QueryNode> Conjuncts(QueryNode node) => node is AndNode and ? and.Children.SelectMany(Conjuncts) : [node];

    static DateTimeOffset Later(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x > b ? x : b;

    /// <summary>The necessary condition of a node, or null when the index cannot narrow it.</summary>
    static SearchExpression? Narrow(QueryNode node) => node switch
    {
        TermNode term => Phrase(term),
        ConceptNode concept => AnyOrNull(concept.Aliases.Select(a => Phrase(a with { Fields = concept.Fields })).ToList()),
        AndNode and => and.Children.Select(Narrow).OfType<SearchExpression>().ToList() switch
        {
            [] => null,
            [var only] => only,
            var many => new AllOf(many),
        },
        OrNode or => AnyOrNull(or.Children.Select(Narrow).ToList()),
        _ => null, // NOT, regex, nested filters
    };

    /// <summary>An OR narrows only if every branch does.</summary>
    static SearchExpression? AnyOrNull(IReadOnlyList<SearchExpression?> branches) =>
        branches.Any(b => b is null) ? null : branches.Count == 1 ? branches[0] : new AnyOf(branches!);

    static SearchExpression? Phrase(TermNode term)
    {
        var (words, unigram) = SearchTokens.ForTerm(term.Normalized);
        if (unigram is not null) return new TokenPhrase([unigram], Unigram: true, Prefix: false, term.Fields);
        if (words.Count == 0) return null;
        bool prefix = term.Prefix && Text.MatchText.IsWordChar(term.Normalized[^1]);
        return new TokenPhrase(words, Unigram: false, prefix, term.Fields);
    }
}
