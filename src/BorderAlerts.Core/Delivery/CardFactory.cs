using BorderAlerts.Core.Feeds;
using BorderAlerts.Core.Rules;

namespace BorderAlerts.Core.Delivery;

/// <summary>Builds the platform-neutral card for an alert: summary around the hits, local time, translate link, mention.</summary>
public sealed class CardFactory(IFeedCatalog catalog)
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
            Language = alert.Language,
            PublishedUtc = alert.Published?.ToUniversalTime(),
            PublishedLocal = alert.Published is { } p && feed is not null ? TimeZoneInfo.ConvertTime(p, feed.TimeZone) : null,
            Severity = alert.Severity,
            RuleId = alert.RuleId,
            RuleName = alert.RuleName,
            AlsoMatched = alert.AlsoMatched,
            Terms = alert.Terms.Select(t => t.Excerpt).Distinct().Take(12).ToList(),
            Summary = summary,
            SummaryHighlights = highlights,
            TranslateUrl = TranslateLink(alert),
        };
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
