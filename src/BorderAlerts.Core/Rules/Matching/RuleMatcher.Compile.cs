using BorderAlerts.Core.Rules.Query;
using BorderAlerts.Core.Text;

namespace BorderAlerts.Core.Rules.Matching;

public sealed partial class RuleMatcher
{
    public static RuleMatcher Empty { get; } = Compile([]);

    /// <summary>Compiles parsed rules. Disabled rules are left out.</summary>
    public static RuleMatcher Compile(IReadOnlyList<(RuleDefinition Rule, QueryNode Query)> rules)
    {
        var builder = new Builder();
        foreach (var (rule, query) in rules.Where(r => r.Rule.Enabled)) builder.Add(rule, query);
        return new RuleMatcher(builder);
    }

    RuleMatcher(Builder b)
    {
        _automaton = new Automaton(b.Patterns);
        _contextAutomaton = new Automaton(b.Context.Patterns);
        (_contextPatternLeafStart, _contextPatternLeaves) = Flatten(b.Context.Patterns.Count, b.ContextLeafPatterns.SelectMany(c => c.Patterns.Select(p => (p, c.Leaf))));
        LeafFields = b.LeafFields.ToArray();
        RegexCount = b.RegexCount;
        Rules = b.Rules.ToArray();
        (_patternLeafStart, _patternLeaves) = Flatten(b.Patterns.Count, b.LeafPatterns.SelectMany((patterns, leaf) => patterns.Select(p => (p, leaf))));
        _leafRule = b.LeafRule.ToArray();
        _leafConcept = b.LeafConcept.ToArray();
        PatternLeafRefs = Array.ConvertAll(_patternLeaves, leaf => new LeafRef(leaf, _leafRule[leaf], LeafFields[leaf]));
        OnlyLeafRef = new LeafRef[b.Patterns.Count];
        for (int pattern = 0; pattern < OnlyLeafRef.Length; pattern++)
            OnlyLeafRef[pattern] = _patternLeafStart[pattern + 1] - _patternLeafStart[pattern] == 1 ? PatternLeafRefs[_patternLeafStart[pattern]] : new LeafRef(-1, -1, 0);
        _positiveLeaf = new bool[LeafFields.Length];
        foreach (var rule in Rules) foreach (var leaf in rule.PositiveLeaves) _positiveLeaf[leaf] = true;
        _alwaysEvaluate = b.AlwaysEvaluate.ToArray();
        _matchedByAnyHit = Array.ConvertAll(Rules, rule => rule.Condition is LeafCondition or AnyLeafCondition);
        _rank = Rank(Rules);
    }

    /// <summary>
    /// Each rule's place in the order matches are reported in (severity, highest first, then rule id); rules that
    /// order alike share a place, so sorting by place gives exactly what comparing the rules would.
    /// </summary>
    static int[] Rank(CompiledRule[] rules)
    {
        static int Compare(RuleDefinition a, RuleDefinition b) =>
            b.Severity != a.Severity ? b.Severity.CompareTo(a.Severity) : string.CompareOrdinal(a.Id, b.Id);
        var order = Enumerable.Range(0, rules.Length).ToArray();
        Array.Sort(order, (x, y) => Compare(rules[x].Definition, rules[y].Definition));
        var rank = new int[rules.Length];
        for (int k = 1; k < order.Length; k++)
            rank[order[k]] = rank[order[k - 1]] + (Compare(rules[order[k - 1]].Definition, rules[order[k]].Definition) == 0 ? 0 : 1);
        return rank;
    }

    /// <summary>Turns (key, value) pairs into CSR arrays: values of key k are at [start[k], start[k+1]).</summary>
    static (int[] Start, int[] Values) Flatten(int keys, IEnumerable<(int Key, int Value)> pairs)
    {
        var list = pairs.ToList();
        var start = new int[keys + 1];
        foreach (var (key, _) in list) start[key + 1]++;
        for (int k = 0; k < keys; k++) start[k + 1] += start[k];
        var values = new int[list.Count];
        var fill = (int[])start.Clone();
        foreach (var (key, value) in list) values[fill[key]++] = value;
        return (start, values);
    }

    sealed class Builder
    {
        public PatternSet Main { get; } = new();
        /// <summary>The patterns of NEAR context sides, scanned for only where a subject was found.</summary>
        public PatternSet Context { get; } = new();
        public List<Pattern> Patterns => Main.Patterns;
        public List<(int Leaf, int[] Patterns)> ContextLeafPatterns { get; } = [];
        public List<Fields> LeafFields { get; } = [];
        public List<int[]> LeafPatterns { get; } = [];
        public List<int> LeafRule { get; } = [];
        /// <summary>By leaf: the concept it stands for, or null for a rule's literal term; read only to explain a match.</summary>
        public List<string?> LeafConcept { get; } = [];
        public List<CompiledRule> Rules { get; } = [];
        public List<int> AlwaysEvaluate { get; } = [];
        public int RegexCount { get; private set; }

        public void Add(RuleDefinition rule, QueryNode query)
        {
            int index = Rules.Count;
            var positive = new HashSet<int>();
            var condition = Build(query, index, positive, negated: false);
            Rules.Add(new CompiledRule(rule, condition, positive));
            if (!RequiresHit(query)) AlwaysEvaluate.Add(index);
        }

        Condition Build(QueryNode node, int rule, HashSet<int> positive, bool negated) => node switch
        {
            TermNode term => Leaf([term], term.Fields, null, rule, positive, negated),
            ConceptNode concept => Leaf(concept.Aliases, concept.Fields, concept.Name, rule, positive, negated),
            RegexNode regex => new RegexCondition(RegexCount++, regex.Regex, regex.Fields),
            FilterNode filter => new FilterCondition(filter),
            AndNode and => new AndCondition(and.Children.Select(c => Build(c, rule, positive, negated)).ToArray()),
            OrNode or => Or(or.Children.Select(c => Build(c, rule, positive, negated)).ToArray()),
            NotNode not => new NotCondition(Build(not.Child, rule, positive, !negated)),
            NearNode near => new NearCondition(LeafOf(near.Subject, rule, positive, negated), ContextLeaf(near.Context, rule), near.Words),
            _ => throw new InvalidOperationException($"unknown query node {node.GetType().Name}"),
        };

        int LeafOf(QueryNode node, int rule, HashSet<int> positive, bool negated) =>
            Build(node, rule, positive, negated) is LeafCondition leaf ? leaf.Leaf : throw new InvalidOperationException("NEAR takes a term or concept on each side");

        /// <summary>
        /// A NEAR's context side (a vessel or company word) gets patterns of its own, outside the main automaton: it only
        /// matters where the subject was found, so it is looked for then (see ScanState.Near) and common words like "port"
        /// or "company" cost nothing on every other item. It never explains a match: the name does, not every "ship".
        /// </summary>
        int ContextLeaf(QueryNode node, int rule)
        {
            var (terms, fields) = node switch
            {
                TermNode term => ((IReadOnlyList<TermNode>)[term], term.Fields),
                ConceptNode concept => (concept.Aliases, concept.Fields),
                _ => throw new InvalidOperationException("NEAR takes a term or concept on each side"),
            };
            int leaf = LeafFields.Count;
            LeafFields.Add(fields);
            LeafConcept.Add(node is ConceptNode c ? c.Name : null);
            LeafPatterns.Add([]);
            LeafRule.Add(rule);
            ContextLeafPatterns.Add((leaf, Context.PatternIds(terms)));
            return leaf;
        }

        static Condition Or(Condition[] children) =>
            children.All(c => c is LeafCondition) ? new AnyLeafCondition(Array.ConvertAll(children, c => ((LeafCondition)c).Leaf)) : new OrCondition(children);

        LeafCondition Leaf(IReadOnlyList<TermNode> terms, Fields fields, string? concept, int rule, HashSet<int> positive, bool negated)
        {
            int leaf = LeafFields.Count;
            LeafFields.Add(fields);
            LeafConcept.Add(concept);
            LeafPatterns.Add(Main.PatternIds(terms));
            LeafRule.Add(rule);
            if (!negated) positive.Add(leaf);
            return new LeafCondition(leaf);
        }

        /// <summary>True if the query cannot match unless some term is found, so it is evaluated only on hits.</summary>
        static bool RequiresHit(QueryNode node) => node switch
        {
            TermNode or ConceptNode or NearNode => true,
            AndNode and => and.Children.Any(RequiresHit),
            OrNode or => or.Children.All(RequiresHit),
            _ => false,
        };
    }
}
