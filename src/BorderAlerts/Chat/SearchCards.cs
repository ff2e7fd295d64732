using BorderAlerts.Core.Delivery;
using BorderAlerts.Core.Rules.Query;
using BorderAlerts.Core.Search;

namespace BorderAlerts.Chat;

/// <summary>What a search hit shows in chat, before platform escaping: title, link, the sentence around the hits, a footer.</summary>
public sealed record SearchCard(string Title, Uri? Link, string Summary, IReadOnlyList<Highlight> Highlights, string Footer)
{
    public static SearchCard From(SearchHit hit)
    {
        var item = hit.Item;
        var spans = hit.Terms.Where(t => t.Field == Fields.Text).Select(t => (t.Start, t.Length)).ToList();
        var (summary, highlights) = SummaryExtractor.Extract(item.Text, spans);
        var when = (item.Published ?? item.FirstSeen).UtcDateTime.ToString("yyyy-MM-dd HH:mm");
        var translated = hit.TranslatedTitle is { } t ? $" · machine translation: {t}" : "";
        return new SearchCard(item.Title, Linkable(item.Link), summary, highlights, $"{item.FeedId} · {item.Language ?? "?"} · {when} UTC{translated}");
    }

    /// <summary>Only http(s) links short enough for every card field that carries them (Slack sections hold 3,000 characters).</summary>
    static Uri? Linkable(Uri? link) =>
        link is { Scheme: "http" or "https" } && link.AbsoluteUri.Length <= 1000 ? link : null;
}
