using BorderAlerts.Core.Feeds;
using BorderAlerts.Core.Parsing;

namespace BorderAlerts.Core.Tests;

internal static class Fixture
{
    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public static FeedDefinition Feed(string? language = null, TimeZoneInfo? zone = null, FeedType type = FeedType.Feed,
        HtmlRecipe? html = null, JsonRecipe? json = null, string url = "http://feeds.example/feed.xml") => new()
    {
        Id = "test", Name = "test", Url = new Uri(url), Language = language, TimeZone = zone ?? TimeZoneInfo.Utc,
        Type = type, Html = html, Json = json,
    };

    public static ParseContext Context(FeedDefinition feed, DateTimeOffset? fetchedAt = null) =>
        new(feed, feed.Url, fetchedAt ?? new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));

    public static TimeZoneInfo Zone(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);
}
