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
        if (remainder is not null && NestedSince(remainder) is { } nested)
            throw new QuerySyntaxException(nested.Column, "since: applies to the whole search: put it outside OR, NOT and parentheses (example: (丹东 OR 新义州) since:7d)");
        return new SearchPlan(remainder is null ? null : Narrow(remainder), new SearchFilters(sources, languages, since), remainder);
    }

    /// <summary>The AND-ed parts of a query, nested ANDs flattened (the command's options wrap the typed query).</summary>
    static IEnumerable<QueryNode> Conjuncts(QueryNode node) => node is AndNode and ? and.Children.SelectMany(Conjuncts) : [node];

    static FilterNode? NestedSince(QueryNode node) => node switch
    {
        FilterNode { Kind: FilterKind.Since } since => since,
        AndNode and => and.Children.Select(NestedSince).FirstOrDefault(n => n is not null),
        OrNode or => or.Children.Select(NestedSince).FirstOrDefault(n => n is not null),
        NotNode not => NestedSince(not.Child),
        _ => null,
    };

    static DateTimeOffset Later(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x > b ? x : b;

    /// <summary>The necessary condition of a node, or null when the index cannot narrow it.</summary>
    static SearchExpression? Narrow(QueryNode node) => node switch
    {
        TermNode term => Spelled(term),
        ConceptNode concept => NarrowConcept(concept),
        AndNode and => and.Children.Select(Narrow).OfType<SearchExpression>().ToList() switch
        {
            [] => null,
            [var only] => only,
            var many => new AllOf(many),
        },
        OrNode or => AnyOrNull(or.Children.Select(Narrow).ToList()),
        NearNode near => Narrow(new AndNode([near.Subject, near.Context])), // both sides are in the item
        _ => null, // NOT, regex, nested filters
    };

    /// <summary>
    /// A concept's narrowing, kept per alias list: building it compares every alias with every other (<see cref="AnyOrNull"/>),
    /// about 10 ms for the 200 aliases of rules.yaml's <c>border</c>, and searches widen plain words to concepts
    /// (<see cref="ConceptExpansion"/>), so the same concepts are planned over and over. Keyed by the folded aliases, so a
    /// changed rules file plans anew; emptied when full.
    /// </summary>
    static SearchExpression? NarrowConcept(ConceptNode concept)
    {
        var key = $"{(int)concept.Fields}\u001f" + string.Join('\u001f', concept.Aliases.Select(a => (a.Prefix ? "*" : "") + a.Normalized));
        if (ConceptPlans.TryGetValue(key, out var known)) return known;
        if (ConceptPlans.Count >= MaxConceptPlans) ConceptPlans.Clear();
        return ConceptPlans[key] = AnyOrNull(concept.Aliases.Select(a => Spelled(a with { Fields = concept.Fields })).ToList());
    }

    const int MaxConceptPlans = 512;
    const int MaxPrunedBranches = 1_000;
    static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SearchExpression?> ConceptPlans = new(StringComparer.Ordinal);

    /// <summary>
    /// An OR narrows only if every branch does. Nested ORs are flattened, and a branch another branch already implies is
    /// dropped: duplicates (丹東 and 丹东 fold alike) and phrases holding another branch's phrase (丹东市 holds 丹东), so the
    /// index walks fewer posting lists (a concept's OR cost 4–6 ms at 1,000,000 items, a single term 0.2 ms).
    /// </summary>
    static SearchExpression? AnyOrNull(IReadOnlyList<SearchExpression?> branches)
    {
        if (branches.Any(b => b is null)) return null;
        var flat = branches.SelectMany(b => b is AnyOf any ? any.Children : [b!]).ToList();
        if (flat.Count > MaxPrunedBranches) return new AnyOf(flat.Distinct().ToList()); // a watchlist's names: pruning is quadratic
        var kept = flat.Where((b, i) => !flat.Where((other, j) => j != i && Implies(b, other) && (!Implies(other, b) || j < i)).Any()).ToList();
        return kept.Count == 1 ? kept[0] : new AnyOf(kept);
    }

    /// <summary>True when every item holding <paramref name="narrow"/> also holds <paramref name="wide"/>: its tokens, in its fields.</summary>
    static bool Implies(SearchExpression narrow, SearchExpression wide)
    {
        if (narrow is not TokenPhrase n || wide is not TokenPhrase w || n.Unigram != w.Unigram || (w.Fields & n.Fields) != n.Fields) return false;
        for (int offset = 0; offset + w.Tokens.Count <= n.Tokens.Count; offset++)
        {
            bool all = true;
            for (int k = 0; k < w.Tokens.Count && all; k++)
            {
                var (token, wideToken) = (n.Tokens[offset + k], w.Tokens[k]);
                bool narrowPrefix = n.Prefix && offset + k == n.Tokens.Count - 1, widePrefix = w.Prefix && k == w.Tokens.Count - 1;
                all = widePrefix ? token.StartsWith(wideToken, StringComparison.Ordinal) : !narrowPrefix && token == wideToken;
            }
            if (all) return true;
        }
        return false;
    }

    /// <summary>
    /// A term narrows to any of its phrase spellings (计划 to 计划 or 计画, 計畫's per-character fold): the index holds the
    /// text folded per character, and the exact check, a rule, finds every spelling.
    /// </summary>
    static SearchExpression? Spelled(TermNode term) => Text.PhraseFolds.OtherSpellings(term.Normalized) switch
    {
        [] => Phrase(term),
        var others => AnyOrNull([Phrase(term), .. others.Select(s => Phrase(term with { Normalized = s }))]),
    };

    static SearchExpression? Phrase(TermNode term)
    {
        var (words, unigram) = SearchTokens.ForTerm(term.Normalized);
        if (unigram is not null) return new TokenPhrase([unigram], Unigram: true, Prefix: false, term.Fields);
        if (words.Count == 0) return null;
        bool prefix = term.Prefix && Text.MatchText.IsWordChar(term.Normalized[^1]);
        return new TokenPhrase(words, Unigram: false, prefix, term.Fields);
    }
}
