using BorderAlerts.Core.Rules;
using BorderAlerts.Core.Rules.Matching;
using BorderAlerts.Core.Rules.Query;
using BorderAlerts.Core.Storage;

namespace BorderAlerts.Core.Search;

/// <summary>A search as a user asks it: the query, plus the options chat commands and the CLI offer beside it.</summary>
public sealed record SearchRequest(string Query, int Limit = 5, string? Since = null, string? Source = null, string? Language = null, int Offset = 0);

public sealed record SearchHit(ArchivedItem Item, double Score, IReadOnlyList<MatchedTerm> Terms)
{
    /// <summary>The stored machine translation of the title, when the item was translated for a card.</summary>
    public string? TranslatedTitle { get; init; }
}

/// <summary>
/// Best hits first; <see cref="More"/>: there are hits past this page. <see cref="Capped"/>: the search stopped after
/// examining its budget of candidates.
/// </summary>
public sealed record SearchOutcome(IReadOnlyList<SearchHit> Hits, bool More, int Examined, bool Capped, bool Narrowed)
{
    /// <summary>The words of the query that searched a whole concept (<see cref="ConceptExpansion"/>), for the answer to say so.</summary>
    public IReadOnlyList<Expansion> Expanded { get; init; } = [];
}

/// <summary>
/// Archive search (docs/architecture.md §4): the index narrows, then every candidate is checked by the query compiled as a rule,
/// so search finds exactly what the same query as a rule would have alerted on. Candidates come newest first and
/// the best are ranked by relevance (from the check's hits: which terms, how often, title above text) and recency. A
/// query the index cannot narrow (only NOT or a regex) reads only the newest <see cref="MaxExamined"/> items, and says so.
/// A word that is a concept's alias searches the whole concept (<see cref="ConceptExpansion"/>), narrowed as <c>@concept</c> is.
/// </summary>
public sealed class ArchiveSearch(ISearchIndex index, IRuleSource rules, TimeProvider clock, SearchTranslations? translations = null)
{
    /// <summary>Hits gathered before ranking: the same pool for every page, so pages neither repeat nor skip.</summary>
    public const int MaxExamined = 2000, MaxLimit = 100, Pool = 2 * MaxLimit;

    /// <summary>Runs a search; a bad query throws <see cref="QuerySyntaxException"/> with the column and what was expected.</summary>
    public async Task<SearchOutcome> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var current = rules.Current;
        var (query, expanded) = Compose(request, current.Concepts, current.Watchlists);
        var plan = SearchPlanner.Plan(query, now);
        var check = plan.Remainder is null ? null
            : RuleMatcher.Compile([(new RuleDefinition("search", "search", request.Query, Severity.Normal, [], true), plan.Remainder)]);
        int limit = Math.Clamp(request.Limit, 1, MaxLimit), offset = Math.Clamp(request.Offset, 0, MaxLimit), examined = 0;
        var hits = new List<SearchHit>();
        await foreach (var item in index.CandidatesAsync(plan.Restriction, plan.Filters, cancellationToken))
        {
            if (++examined > MaxExamined) break;
            var terms = check?.Match(new MatchInput(item.Title, item.Text, item.Language, item.FeedId)) is { } matches
                ? matches.Count == 0 ? null : matches[0].Terms
                : [];
            if (terms is null) continue;
            hits.Add(new SearchHit(item, Score(item, terms, now), terms));
            if (hits.Count >= Pool) break;
        }
        var best = hits.OrderByDescending(h => h.Score).ThenByDescending(h => h.Item.Id).Skip(offset).Take(limit).ToList();
        if (translations is not null) best = await translations.AddAsync(best, cancellationToken);
        return new SearchOutcome(best, hits.Count > offset + limit, Math.Min(examined, MaxExamined), examined > MaxExamined, plan.Restriction is not null)
        {
            Expanded = expanded,
        };
    }

    /// <summary>Relevance damped by age: a week-old item needs twice the relevance of a fresh one.</summary>
    static double Score(ArchivedItem item, IReadOnlyList<MatchedTerm> terms, DateTimeOffset now)
    {
        var seen = item.Dated;
        var ageWeeks = Math.Max(0, (now - seen).TotalDays) / 7;
        return (1 + Relevance(terms)) / (1 + ageWeeks);
    }

    /// <summary>
    /// Each matched term counts once, more when it is frequent (logarithmically), a title hit like three text hits, so an
    /// item that names more of the query, and names it in its title, ranks higher. 0 when the query had no terms.
    /// </summary>
    static double Relevance(IReadOnlyList<MatchedTerm> terms) =>
        terms.GroupBy(t => t.Term).Sum(hits => Math.Log2(1 + hits.Sum(h => h.Field == Fields.Title ? 3 : 1)));

    /// <summary>The command's options become filters of the query language, ANDed with the whole query.</summary>
    static ExpandedQuery Compose(SearchRequest request, IReadOnlyDictionary<string, IReadOnlyList<string>> concepts, Rules.ListConcepts.WatchlistConcepts watchlists)
    {
        var (query, expanded) = ConceptExpansion.Parse(request.Query, concepts, watchlists);
        var options = new[] { Option("since", request.Since), Option("source", request.Source), Option("lang", request.Language) }
            .OfType<string>().Select(o => QueryParser.Parse(o)).ToList();
        return new ExpandedQuery(options.Count == 0 ? query : new AndNode([query, .. options]), expanded);
    }

    static string? Option(string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        value = value.Trim();
        if (value.Any(c => char.IsWhiteSpace(c) || c is '"' or '(' or ')'))
            throw new QuerySyntaxException(1, $"the {name} option takes one word (example: {name}:{(name == "since" ? "7d" : name == "lang" ? "ko" : "kyodo-zh")})");
        return $"{name}:{value}";
    }
}
