using BorderAlerts.Core.Feeds;
using BorderAlerts.Core.Rules;
using BorderAlerts.Core.Watchlists;

namespace BorderAlerts.Core.Delivery;

/// <summary>
/// How cards treat languages: the team's language, and whether items in others link to Google's public translator
/// (which sends the article's address to Google, so it is off unless an operator turns it on).
/// </summary>
public sealed record CardLanguageOptions(string TargetLanguage = "en", bool PublicTranslatorLink = false);

/// <summary>
/// Builds the platform-neutral card for an alert: summary around the hits, local time, the source's kind, matched terms
/// glossed with their concepts' labels (from the rules in force), the watchlist entries behind matched names (from the
/// lists in force), the story line, translate link (when turned on).
/// </summary>
public sealed class CardFactory(IFeedCatalog catalog, IRuleSource rules, CardLanguageOptions? languages = null, IWatchlistCatalog? watchlists = null)
{
    readonly CardLanguageOptions _languages = languages ?? new();

    (int Version, Dictionary<string, FeedDefinition> ById) _feeds = (-1, []);
    (long Version, Dictionary<(string List, string Entry), CardDesignation> ByEntry) _entries = (-1, []);

    public AlertCard Build(AlertSnapshot alert)
    {
        var feed = FeedsById().GetValueOrDefault(alert.FeedId);
        var textHits = alert.Terms.Where(t => t.Field == Rules.Query.Fields.Text).Select(t => (t.Start, t.Length)).ToList();
        var (summary, highlights) = SummaryExtractor.Extract(alert.Text, textHits);
        return new AlertCard
        {
            AlertId = alert.AlertId,
            Title = alert.Title,
            Url = alert.Url,
            SourceId = alert.FeedId,
            SourceName = feed?.Name ?? alert.FeedId,
            SourceKind = feed?.Kind,
            Language = alert.Language,
            PublishedUtc = alert.Published?.ToUniversalTime(),
            PublishedLocal = alert.Published is { } p && feed is not null ? TimeZoneInfo.ConvertTime(p, feed.TimeZone) : null,
            Severity = alert.Severity,
            RuleId = alert.RuleId,
            RuleName = alert.RuleName,
            AlsoMatched = alert.AlsoMatched,
            Terms = GlossedTerms(alert.Terms),
            Designations = Designations(alert.Terms),
            Story = alert.Story?.Describe(),
            Summary = summary,
            SummaryHighlights = highlights,
            TranslateUrl = TranslateLink(alert),
        };
    }

    /// <summary>Each distinct term once, glossed with its watchlist entry's listed name or its concept's label (a literal term of the rule as it is).</summary>
    List<string> GlossedTerms(IReadOnlyList<Rules.Matching.MatchedTerm> terms)
    {
        var current = rules.Current;
        return terms.Select(t => ConceptLabels.Gloss(t.Excerpt, current.LabelOf(t)))
            .Distinct().Take(12).ToList();
    }

    /// <summary>The entries behind the matched watchlist names, each once, as the list in force publishes them.</summary>
    List<CardDesignation> Designations(IReadOnlyList<Rules.Matching.MatchedTerm> terms)
    {
        var lists = rules.Current.Watchlists;
        if (watchlists is null || lists.ById.Count == 0) return [];
        var hits = terms.Select(t => lists.EntryOf(t.Concept, t.Term)).OfType<Rules.ListConcepts.WatchlistHit>().DistinctBy(h => (h.ListId, h.EntryId)).ToList();
        if (hits.Count == 0) return [];
        var entries = EntriesById();
        return [.. hits.Select(h => entries.GetValueOrDefault((h.ListId, h.EntryId))).OfType<CardDesignation>().Take(CardDesignation.MaxPerCard)];
    }

    Dictionary<(string List, string Entry), CardDesignation> EntriesById()
    {
        var (lists, version) = watchlists!.Current();
        var cached = _entries;
        if (cached.Version == version) return cached.ByEntry;
        var byEntry = new Dictionary<(string, string), CardDesignation>();
        foreach (var list in lists)
            foreach (var entry in list.Entries) byEntry.TryAdd((list.List.Id, entry.EntryId), CardDesignation.From(entry, list.List.Name));
        _entries = (version, byEntry);
        return byEntry;
    }

    Dictionary<string, FeedDefinition> FeedsById()
    {
        var (feeds, version) = catalog.Current();
        var cached = _feeds;
        if (cached.Version == version) return cached.ById;
        var byId = feeds.ToDictionary(f => f.Id);
        _feeds = (version, byId);
        return byId;
    }

    Uri? TranslateLink(AlertSnapshot alert)
    {
        if (!_languages.PublicTranslatorLink || alert.Url is null || alert.Language is null || SameLanguage(alert.Language, _languages.TargetLanguage)) return null;
        return new Uri($"https://translate.google.com/translate?sl=auto&tl={Uri.EscapeDataString(_languages.TargetLanguage)}&u=" +
            Uri.EscapeDataString(alert.Url.ToString()));
    }

    /// <summary>Same primary language: en-US is en.</summary>
    static bool SameLanguage(string a, string b) => string.Equals(a.Split('-')[0], b.Split('-')[0], StringComparison.OrdinalIgnoreCase);
}
