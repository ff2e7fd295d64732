namespace BorderAlerts.Core.Feeds;

public enum FeedType { Feed, Html, Json }

/// <summary>One source from config/feeds.yaml (docs/architecture.md §8).</summary>
public sealed record FeedDefinition
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required Uri Url { get; init; }
    public FeedType Type { get; init; } = FeedType.Feed;
    public string? Language { get; init; }
    /// <summary>What kind of outlet it is (one of <see cref="SourceKinds.Known"/>), shown on cards; null when not given.</summary>
    public string? Kind { get; init; }
    public TimeSpan Every { get; init; } = TimeSpan.FromMinutes(10);
    /// <summary><c>every: auto</c>: the interval is learned from the source's publishing rhythm within these bounds; <see cref="Every"/> then only paces retries after a failure.</summary>
    public AdaptiveBounds? Auto { get; init; }
    /// <summary>Fixed poll times in <see cref="TimeZone"/> instead of <see cref="Every"/>, which then only paces retries after a failure.</summary>
    public ICronSchedule? Cron { get; init; }
    /// <summary>IANA zone for times the source prints without an offset (Asia/Shanghai, Asia/Tokyo…).</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;
    public bool Enabled { get; init; } = true;
    /// <summary>Alert on the first poll's items too; by default the first poll only seeds.</summary>
    public bool Backfill { get; init; }
    /// <summary>Added from chat, not from the operator's file: fetched only from public addresses (see AddressGuard).</summary>
    public bool Untrusted { get; init; }
    public HtmlRecipe? Html { get; init; }
    public JsonRecipe? Json { get; init; }

    /// <summary>How the feed is scheduled, as `feeds list` and chat show it: "every 10m" or "cron 0 5 7,19 ? * * (Asia/Pyongyang)".</summary>
    public string Schedule => Cron is { } cron ? $"cron {cron.Expression} ({TimeZone.Id})" : Auto is { } auto ? $"every {auto}" : $"every {DurationParser.Format(Every)}";
}

/// <summary>The kinds of outlet feeds.yaml's <c>kind:</c> takes: a card tells a reader whose voice an item is in.</summary>
public static class SourceKinds
{
    public static readonly string[] Known = ["state media", "wire", "government", "ngo", "newspaper", "blog", "other"];

    /// <summary>The kind <paramref name="text"/> names, whatever its case and spacing (<c>State  Media</c>), or null when it names none.</summary>
    public static string? Find(string text)
    {
        var kind = string.Join(' ', text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return Known.Contains(kind) ? kind : null;
    }

    /// <summary>What a bad kind is told: the value and the kinds there are.</summary>
    public static string NotOne(string text) => $"'{text}' is not one of {string.Join(", ", Known)}";
}

/// <summary>CSS selectors for a list page without a feed. Title, link, date and summary are relative to each item.</summary>
public sealed record HtmlRecipe(string Item, string Title, string? Link, string? Date, string? Summary, string? Exclude);

/// <summary>Dotted field paths into a JSON list API; title, link, date, summary and id are relative to each item.</summary>
public sealed record JsonRecipe(string Items, string Title, string Link, string? Date, string? Summary, string? Id);
