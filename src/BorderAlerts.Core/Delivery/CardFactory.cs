using BorderAlerts.Core.Feeds;
using BorderAlerts.Core.Rules;

namespace BorderAlerts.Core.Delivery;

/// <summary>Builds the platform-neutral card for an alert: summary around the hits, local time, translate link, mention.</summary>
public sealed class CardFactory(IFeedCatalog catalog, DeliveryOptions options)
{
    public AlertCard Build(AlertSnapshot alert)
    {
        var feed = catalog.Current().Feeds.FirstOrDefault(f => f.Id == alert.FeedId);
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
            Terms = alert.Terms.Select(t => t.Excerpt).Distinct().Take(12).ToList(),
            Summary = summary,
            SummaryHighlights = highlights,
            TranslateUrl = TranslateLink(alert),
            Mention = alert.Severity == Severity.Critical ? options.CriticalMention : null,
        };
    }

    static Uri? TranslateLink(AlertSnapshot alert)
    {
        if (alert.Url is null || alert.Language is null || alert.Language.StartsWith("en", StringComparison.OrdinalIgnoreCase)) return null;
        return new Uri("https://translate.google.com/translate?sl=auto&tl=en&u=" + Uri.EscapeDataString(alert.Url.ToString()));
    }
}
