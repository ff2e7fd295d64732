using BorderAlerts.Core.Feeds;

namespace BorderAlerts.Tests.Infrastructure;

/// <summary>Feed definitions as feeds.yaml would produce them, pointed at the loopback server.</summary>
public static class Feeds
{
    public static FeedDefinition Rss(string id, Uri url, string? language = null, string zone = "UTC", bool backfill = false) => new()
    {
        Id = id, Name = id, Url = url, Language = language, TimeZone = Zone(zone), Backfill = backfill,
    };

    /// <summary>The Cankao Xiaoxi recipe from config/feeds.yaml.</summary>
    public static FeedDefinition CankaoJson(string id, Uri url) => new()
    {
        Id = id, Name = id, Url = url, Type = FeedType.Json, Language = "zh-Hans", TimeZone = Zone("Asia/Shanghai"),
        Json = new JsonRecipe("list", "data.title", "data.url", "data.publishTime", null, "data.id"),
    };

    public static TimeZoneInfo Zone(string id) => id == "UTC" ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(id);
}
