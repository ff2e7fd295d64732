using System.Collections.Concurrent;
using System.Globalization;

namespace BorderAlerts.Core.Polling;

/// <summary>
/// What <c>every: auto</c> learns from: the publication times of the items a source listed when it was last fetched,
/// remembered by this process for the polls answered 304 (which carry no items); after a restart, the times the store
/// kept (<see cref="Storage.IPublishingHistory"/>). Undated items are not counted.
/// </summary>
public sealed class PublishingRhythm
{
    public const int Kept = 200;
    readonly ConcurrentDictionary<string, IReadOnlyList<DateTimeOffset>> _lastListed = new(StringComparer.Ordinal);

    /// <summary>Remembers the times a fetched body listed and returns them.</summary>
    public IReadOnlyList<DateTimeOffset> Listed(string feedId, IEnumerable<DateTimeOffset> published)
    {
        var times = published.OrderDescending().Take(Kept).ToList();
        _lastListed[feedId] = times;
        return times;
    }

    /// <summary>The times the last fetched body listed; null when this process has not fetched the source yet.</summary>
    public IReadOnlyList<DateTimeOffset>? Remembered(string feedId) => _lastListed.GetValueOrDefault(feedId);

    /// <summary>Cache-Control max-age of a response (its evidence headers), the soonest the server wants to be asked again.</summary>
    public static TimeSpan? MaxAge(IEnumerable<KeyValuePair<string, string>> headers)
    {
        foreach (var (name, value) in headers)
        {
            if (!name.Equals("Cache-Control", StringComparison.OrdinalIgnoreCase)) continue;
            foreach (var directive in value.Split(','))
            {
                var parts = directive.Trim().Split('=', 2);
                if (parts.Length == 2 && parts[0].Trim().Equals("max-age", StringComparison.OrdinalIgnoreCase)
                    && long.TryParse(parts[1].Trim().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
                    return TimeSpan.FromSeconds(Math.Min(seconds, (long)TimeSpan.FromDays(1).TotalSeconds));
            }
        }
        return null;
    }
}
