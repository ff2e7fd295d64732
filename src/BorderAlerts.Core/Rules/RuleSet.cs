using BorderAlerts.Core.Rules.ListConcepts;
using BorderAlerts.Core.Rules.Matching;
using BorderAlerts.Core.Rules.Query;
using BorderAlerts.Core.Stories;

namespace BorderAlerts.Core.Rules;

/// <summary>A compiled rules file: the matcher, the rules that compiled, and the problems of those that did not.</summary>
public sealed record RuleSet(RuleMatcher Matcher, IReadOnlyList<RuleDefinition> Rules, IReadOnlyList<RuleProblem> Problems,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Concepts)
{
    public static RuleSet Empty { get; } = new(RuleMatcher.Empty, [], [], new Dictionary<string, IReadOnlyList<string>>());

    /// <summary>Concept groups that tell events apart (rules.yaml <c>stories.facets</c>).</summary>
    public StoryConcepts StoryConcepts { get; init; } = StoryConcepts.None;

    /// <summary>Each concept's label for cards (rules.yaml <c>label</c>, else its first Latin alias).</summary>
    public IReadOnlyDictionary<string, string> ConceptLabels { get; init; } = new Dictionary<string, string>();

    /// <summary>Which concepts an item names; built on first use (only alerting items need it), once per set of concepts.</summary>
    public ConceptTagger Tagger => TaggerFor(Concepts).Value;

    static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyDictionary<string, IReadOnlyList<string>>, Lazy<ConceptTagger>> Taggers = new();

    static Lazy<ConceptTagger> TaggerFor(IReadOnlyDictionary<string, IReadOnlyList<string>> concepts) =>
        Taggers.GetValue(concepts, c => new Lazy<ConceptTagger>(() => ConceptTagger.Compile(c)));

    /// <summary>The watchlists compiled in as concepts (<c>@ofac-sdn</c>); search parses with them too.</summary>
    public WatchlistConcepts Watchlists { get; init; } = WatchlistConcepts.None;

    /// <summary>
    /// What a matched term is called on a card: the name of the watchlist entry it came from as the list writes it, else
    /// its concept's label.
    /// </summary>
    public string? LabelOf(MatchedTerm term) =>
        Watchlists.EntryOf(term.Concept, term.Term)?.ListedName ?? (term.Concept is { } concept ? ConceptLabels.GetValueOrDefault(concept) : null);

    /// <summary>
    /// Compiles the rules with the watchlists as concepts next to rules.yaml's; a rules.yaml concept named like a
    /// watchlist is an error naming its line, as <c>@name</c> could not say which one it means.
    /// </summary>
    public static RuleSet Compile(RulesDocument document, WatchlistConcepts? watchlists = null)
    {
        watchlists ??= WatchlistConcepts.None;
        foreach (var name in document.Concepts.Keys.Where(watchlists.ById.ContainsKey).Order(StringComparer.Ordinal))
            throw new Config.ConfigException(document.File, document.ConceptLines.GetValueOrDefault(name), $"concepts.{name}",
                $"'{name}' is the id of a watchlist (watchlists.yaml): @{name} means the list; rename the concept");
        var parsed = new List<(RuleDefinition, QueryNode)>();
        var problems = new List<RuleProblem>();
        foreach (var entry in document.Rules)
        {
            try { parsed.Add((entry.Rule, QueryParser.Parse(entry.Rule.Query, document.Concepts, watchlists))); }
            catch (QuerySyntaxException e)
            {
                problems.Add(new RuleProblem(document.File, entry.QueryLine, entry.QueryColumn + e.Column - 1, entry.Rule.Id, e.Problem));
            }
        }
        RuleMatcher matcher;
        try { matcher = RuleMatcher.Compile(parsed); }
        catch (InvalidOperationException e) { throw new Config.ConfigException(document.File, 0, "rules", e.Message); }
        return new RuleSet(matcher, parsed.Select(p => p.Item1).ToList(), problems, document.Concepts) 
        {
            StoryConcepts = document.StoryConcepts,
            ConceptLabels = document.ConceptLabels,
            Watchlists = watchlists,
        };
    }
}
