using BorderAlerts.Core.Feeds;

namespace BorderAlerts.Core.Parsing;

/// <summary>Parse stage entry point: decode the bytes, then read them the way the feed's type says.</summary>
public static class FeedParser
{
    public static ParseResult Parse(byte[] body, string? contentType, ParseContext context)
    {
        var decoded = TextDecoder.Decode(body, contentType, context.Feed.Language);
        var feed = context.Feed;
        return feed.Type switch
        {
            FeedType.Html => HtmlListParser.Parse(decoded.Text, decoded.EncodingName, feed.Html!, context),
            FeedType.Json => JsonListParser.Parse(decoded.Text, decoded.EncodingName, feed.Json!, context),
            _ => SyndicationParser.Parse(decoded.Text, decoded.EncodingName, context),
        };
    }
}
