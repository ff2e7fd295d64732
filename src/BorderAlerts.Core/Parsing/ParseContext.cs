using BorderAlerts.Core.Feeds;

namespace BorderAlerts.Core.Parsing;

/// <summary>What a parser needs besides the text: where it came from and when.</summary>
public sealed record ParseContext(FeedDefinition Feed, Uri BaseUrl, DateTimeOffset FetchedAt)
{
    public const int MaxTitle = 1_000;
    public const int MaxText = 50_000;
    public const int MaxItems = 20_000;

    public Uri? Resolve(string? link)
    {
        if (string.IsNullOrWhiteSpace(link)) return null;
        var trimmed = link.Trim();
        if (!Uri.TryCreate(BaseUrl, trimmed, out var url)) return null;
        return url.Scheme is "http" or "https" ? url : null;
    }

    public DateTimeOffset? Date(string? text) => SourceDates.Parse(text, Feed.TimeZone, FetchedAt);

    /// <summary>Builds an item, or null if it has neither title nor text.</summary>
    public ParsedItem? Item(string? guid, string? title, string? link, string? htmlText, string? date, string? author = null)
    {
        var text = PlainText.FromHtml(htmlText, MaxText);
        var cleanTitle = PlainText.FromHtml(title, MaxTitle);
        if (cleanTitle.Length == 0) cleanTitle = PlainText.Collapse(text, 120);
        if (cleanTitle.Length == 0) return null;
        var cleanGuid = string.IsNullOrWhiteSpace(guid) ? null : guid.Trim();
        return new ParsedItem(cleanGuid, cleanTitle, Resolve(link), text, Date(date), string.IsNullOrWhiteSpace(author) ? null : author.Trim());
    }
}
