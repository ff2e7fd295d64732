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

    /// <summary>
    /// Builds an item, or null if it has neither title nor text. A broken character costs only itself (U+FFFD); a C1
    /// control is read as the windows-1252 character it stands for (<see cref="C1Controls"/>).
    /// </summary>
    public ParsedItem? Item(string? guid, string? title, string? link, string? htmlText, string? date, string? author = null)
    {
        var text = LoneSurrogates.Replace(PlainText.FromHtml(C1Controls.ToWindows1252(htmlText), MaxText));
        var cleanTitle = LoneSurrogates.Replace(PlainText.FromHtml(C1Controls.ToWindows1252(title), MaxTitle));
        if (cleanTitle.Length == 0) cleanTitle = PlainText.Collapse(text, 120);
        if (cleanTitle.Length == 0) return null;
        var cleanGuid = string.IsNullOrWhiteSpace(guid) ? null : LoneSurrogates.Replace(guid.Trim());
        var cleanAuthor = string.IsNullOrWhiteSpace(author) ? null : LoneSurrogates.Replace(author.Trim());
        return new ParsedItem(cleanGuid, cleanTitle, Resolve(LoneSurrogates.ReplaceOrNull(link)), text, Date(date), cleanAuthor);
    }
}
