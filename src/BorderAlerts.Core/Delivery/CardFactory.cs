using BorderAlerts.Core.Feeds;
using BorderAlerts.Core.Rules;

namespace BorderAlerts.Core.Delivery;

/// <summary>
/// Builds the platform-neutral card for an alert: summary around the hits, local time, the source's kind, matched terms
/// glossed with their concepts' labels (from the rules in force), the story line, translate link.
/// </summary>
public sealed class CardFactory(IFeedCatalog catalog, IRuleSource rules)
{
    (int Version, Dictionary<string, FeedDefinition> ById) _feeds = (-1, []);

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
            Story = alert.Story?.Describe(),
            Summary = summary,
            SummaryHighlights = highlights,
            TranslateUrl = TranslateLink(alert),
        };
    }

    /// <summary>Each distinct term once, glossed with its concept's label (a literal term of the rule as it is).</summary>
    List<string> GlossedTerms(IReadOnlyList<Rules.Matching.MatchedTerm> terms)
    {
        var labels = rules.Current.ConceptLabels;
        return terms.Select(t => ConceptLabels.Gloss(t.Excerpt, t.Concept is { } concept ? labels.GetValueOrDefault(concept) : null))
            .Distinct().Take(12).ToList();
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

    static Uri? TranslateLink(AlertSnapshot alert)
    {
        if (alert.Url is null || alert.Language is null || alert.Language.StartsWith("en", StringComparison.OrdinalIgnoreCase)) return null;
        return new Uri("https://translate.google.com/translate?sl=auto&tl=en&u=" + Uri.EscapeDataString(alert.Url.ToString()));
    }
}
