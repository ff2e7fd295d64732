using System.Text;
using BorderAlerts.Core.Rules.Matching;
using BorderAlerts.Core.Rules.Query;

namespace BorderAlerts.Core.Rules.Diagnosis;

/// <summary>
/// "Why not?" for one rule and one item: each part of the rule's query checked on its own, each term and concept
/// by the compiled matcher so it finds exactly what the rule would (normalisation, word boundaries, Korean spellings).
/// Every leaf is a rule of one matcher, compiled once per question (a compile builds 65,536-entry tables: one per leaf
/// made the editor's test box take a third of a second), and likewise every concept of the rules file.
/// </summary>
public static class WhyNot
{
    public static RuleDiagnosis Diagnose(RuleDefinition rule, IReadOnlyDictionary<string, IReadOnlyList<string>> concepts, MatchInput input,
        ListConcepts.WatchlistConcepts? watchlists = null)
    {
        var query = QueryParser.Parse(rule.Query, concepts, watchlists);
        var leaves = new List<QueryNode>();
        CollectLeaves(query, leaves);
        var found = FoundEach(leaves, input);
        int next = 0;
        var check = Check(query, () => found[next++]);
        return new RuleDiagnosis(rule.Id, check.Held, check, ConceptsIn(concepts, input));
    }

    /// <summary>Every concept of the rules file that the item mentions, in file order, with what each found.</summary>
    public static IReadOnlyList<ConceptFound> ConceptsIn(IReadOnlyDictionary<string, IReadOnlyList<string>> concepts, MatchInput input)
    {
        var names = new List<string>();
        var parsed = new List<QueryNode>();
        foreach (var name in concepts.Keys)
        {
            try { parsed.Add(QueryParser.Parse("@" + name, concepts)); }
            catch (QuerySyntaxException) { continue; } // a concept no rule uses may not parse; nothing to find with it
            names.Add(name);
        }
        var found = FoundEach(parsed, input);
        return names.Select((name, k) => new ConceptFound(name, found[k])).Where(c => c.Found.Count > 0).ToList();
    }

    static bool IsLeaf(QueryNode node) => node is TermNode or ConceptNode or RegexNode or NearNode or FilterNode;

    /// <summary>The leaves in the order <see cref="Check"/> visits them.</summary>
    static void CollectLeaves(QueryNode node, List<QueryNode> leaves)
    {
        if (IsLeaf(node)) leaves.Add(node);
        else
            foreach (var child in node switch { AndNode a => a.Children, OrNode o => o.Children, NotNode n => [n.Child], _ => [] })
                CollectLeaves(child, leaves);
    }

    /// <summary>The tree checked with each leaf's findings taken in visiting order from <paramref name="nextFound"/>.</summary>
    static QueryCheck Check(QueryNode node, Func<IReadOnlyList<string>> nextFound)
    {
        switch (node)
        {
            case FilterNode:
                return new QueryCheck(Write(node), nextFound().Count > 0, [], []);
            case TermNode or ConceptNode or RegexNode or NearNode:
                var found = nextFound();
                return new QueryCheck(Write(node), found.Count > 0, found, []);
            case AndNode and:
                var all = and.Children.Select(c => Check(c, nextFound)).ToList();
                return new QueryCheck(Write(node), all.All(c => c.Held), [], all) { IsAnd = true };
            case OrNode or:
                var any = or.Children.Select(c => Check(c, nextFound)).ToList();
                return new QueryCheck(Write(node), any.Any(c => c.Held), [], any);
            case NotNode not:
                var inner = Check(not.Child, nextFound);
                return new QueryCheck(Write(node), !inner.Held, [], [inner]);
            default:
                throw new InvalidOperationException($"unknown query node {node.GetType().Name}");
        }
    }

    /// <summary>What each query finds in the item, each the only query of a rule of one matcher: its excerpts, "(matched)", or none.</summary>
    static IReadOnlyList<string>[] FoundEach(IReadOnlyList<QueryNode> queries, MatchInput input)
    {
        var probes = queries.Select((query, k) => (new RuleDefinition(k.ToString(System.Globalization.CultureInfo.InvariantCulture), "why-not", "",
            Severity.Low, [], true), query)).ToList();
        var found = new IReadOnlyList<string>[queries.Count];
        Array.Fill(found, []);
        foreach (var match in RuleMatcher.Compile(probes).Match(input))
        {
            var terms = match.Terms.Select(t => t.Excerpt).Distinct().ToList();
            found[int.Parse(match.RuleId, System.Globalization.CultureInfo.InvariantCulture)] = terms.Count > 0 ? terms : ["(matched)"];
        }
        return found;
    }

    /// <summary>A part of a query written back in the query language, for people to recognise.</summary>
    public static string Write(QueryNode node) => node switch
    {
        TermNode t => Scope(t.Fields) + (t.Raw.Any(char.IsWhiteSpace) ? $"\"{t.Raw}\"" : t.Raw) + (t.Prefix && !t.Raw.EndsWith('*') ? "*" : ""),
        ConceptNode c => Scope(c.Fields) + "@" + c.Name,
        NearNode n => $"{Nested(n.Subject)} NEAR/{n.Words} {Nested(n.Context)}",
        RegexNode r => Scope(r.Fields) + $"/{r.Pattern}/",
        FilterNode f => $"{f.Kind.ToString().ToLowerInvariant()}:{f.Value}{(f.Prefix && f.Kind == FilterKind.Source ? "*" : "")}",
        AndNode a => string.Join(" AND ", a.Children.Select(Nested)),
        OrNode o => string.Join(" OR ", o.Children.Select(Nested)),
        NotNode n => "NOT " + Nested(n.Child),
        _ => node.ToString(),
    };

    static string Nested(QueryNode node) => node is AndNode or OrNode ? $"({Write(node)})" : Write(node);

    static string Scope(Fields fields) => fields switch { Fields.Title => "title:", Fields.Text => "text:", _ => "" };

    /// <summary>The diagnosis as lines for a terminal or a chat reply: the verdict, the failed parts, the tree, the concepts found.</summary>
    public static string Describe(RuleDiagnosis diagnosis, int maxDepth = 4)
    {
        var text = new StringBuilder(diagnosis.Matched ? $"{diagnosis.RuleId} matches.\n" : $"{diagnosis.RuleId} does not match.\n");
        if (!diagnosis.Matched)
            foreach (var failure in diagnosis.Failures) text.Append("Failed: ").Append(Reason(failure)).Append('\n');
        Tree(text, diagnosis.Check, 0, maxDepth);
        return text.Append(DescribeConcepts(diagnosis.Concepts)).ToString();
    }

    public static string DescribeConcepts(IReadOnlyList<ConceptFound> concepts) => concepts.Count == 0
        ? "No concept of the rules file occurs in the text."
        : "Concepts in the text: " + string.Join("; ", concepts.Select(c => $"@{c.Concept} ({string.Join(", ", c.Found)})"));

    /// <summary>A failed part and why: a veto names what it found; anything else found nothing it needed.</summary>
    static string Reason(QueryCheck failure) => failure.Part.StartsWith("NOT ", StringComparison.Ordinal)
        ? $"{Short(failure.Part)} (the text has {string.Join(", ", FoundUnder(failure).Distinct())})"
        : $"{Short(failure.Part)} (not found)";

    static IEnumerable<string> FoundUnder(QueryCheck check) => check.Found.Concat(check.Parts.SelectMany(FoundUnder));

    static string Short(string part) => part.Length > 160 ? part[..157] + "…" : part;

    static void Tree(StringBuilder text, QueryCheck check, int depth, int maxDepth)
    {
        if (depth >= maxDepth) return;
        text.Append(' ', depth * 2).Append(check.Held ? "✓ " : "✗ ").Append(Short(check.Part));
        if (check.Found.Count > 0) text.Append(": ").Append(string.Join(", ", check.Found));
        text.Append('\n');
        foreach (var part in check.Parts) Tree(text, part, depth + 1, maxDepth);
    }
}
