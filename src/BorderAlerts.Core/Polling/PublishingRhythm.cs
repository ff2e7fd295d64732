using System.Collections.Concurrent;
using System.Globalization;

namespace BorderAlerts.Core.Polling;

/// <summary>
/// What <c>every: auto</c> learns from: the publication times of the items a source listed when it was last fetched and,
/// for items without a date, their first sightings — the poll on which this process first found them in the source's
/// listing. Only a listing that follows an earlier one tells sightings: the first listing a process gets (a source's
/// first poll, which shows its whole backlog at once, or the first after a restart) marks its undated items as seen
/// before, never as new. Remembered by this process for the polls answered 304 (which carry no items); after a restart,
/// the times the store kept (<see cref="Storage.IPublishingHistory"/>) are added to what it learns. What this process
/// remembers holds only while it made the source's last poll: when the next poll it scheduled is not the one the store
/// has (another instance polled it, or a failure or an admin moved it), the store's times are read again, else another
/// instance's sightings would be counted a second time, late.
/// </summary>
public sealed class PublishingRhythm
{
    public const int Kept = 200;
    readonly ConcurrentDictionary<string, Memory> _last = new(StringComparer.Ordinal);

    /// <param name="Times">What the last interval was learned from, the newest first.</param>
    /// <param name="Sightings">The first sightings of the undated items the last listing held (null: seen before this
    /// process knew the source); null when no listing is known yet.</param>
    /// <param name="Stored">The times the store kept when this process first needed them, learned from alongside.</param>
    /// <param name="Next">The next poll this process scheduled from them; null until it did.</param>
    sealed record Memory(IReadOnlyList<DateTimeOffset> Times, IReadOnlyDictionary<string, DateTimeOffset?>? Sightings,
        IReadOnlyList<DateTimeOffset> Stored, DateTimeOffset? Next = null);

    /// <summary>
    /// Remembers a fetched listing: the dated items' <paramref name="published"/> times, and the undated items (by
    /// identity key) first found now unless the last listing held them. Returns the times to learn from.
    /// </summary>
    public IReadOnlyList<DateTimeOffset> Listed(string feedId, IEnumerable<DateTimeOffset> published, IEnumerable<string> undated,
        DateTimeOffset now)
    {
        var before = _last.GetValueOrDefault(feedId);
        var dated = published.ToList();
        var sightings = new Dictionary<string, DateTimeOffset?>(StringComparer.Ordinal);
        foreach (var key in undated)
            sightings[key] = before?.Sightings is not { } known ? null : known.TryGetValue(key, out var at) ? at : now;
        var stored = before?.Stored ?? [];
        var listed = dated.Concat(sightings.Values.OfType<DateTimeOffset>()).ToList();
        var times = Newest(listed.Concat(NotListed(stored, listed)));
        // An empty listing tells nothing new from old, so the next one still shows the backlog.
        var empty = dated.Count == 0 && sightings.Count == 0;
        _last[feedId] = new Memory(times, empty ? before?.Sightings : sightings, stored);
        return times;
    }

    /// <summary>The stored times but one per listed time (an item both listed and stored counts once; two items of one time twice).</summary>
    static IEnumerable<DateTimeOffset> NotListed(IReadOnlyList<DateTimeOffset> stored, List<DateTimeOffset> listed)
    {
        var unmatched = listed.CountBy(t => t).ToDictionary();
        foreach (var at in stored)
        {
            if (unmatched.TryGetValue(at, out var n) && n > 0) unmatched[at] = n - 1;
            else yield return at;
        }
    }

    /// <summary>
    /// Starts over from the times the store kept (publication times and first sightings), the next listing showing no
    /// sightings of its own; null, and nothing remembered, when the store has none.
    /// </summary>
    public IReadOnlyList<DateTimeOffset>? Stored(string feedId, IEnumerable<DateTimeOffset> stored)
    {
        var times = Newest(stored);
        if (times.Count == 0)
        {
            _last.TryRemove(feedId, out _);
            return null;
        }
        _last[feedId] = new Memory(times, null, times);
        return times;
    }

    /// <summary>
    /// The times the last interval was learned from; null when this process knows nothing of the source yet, or when
    /// <paramref name="scheduled"/> (the next poll the store has) is not the one this process scheduled last.
    /// </summary>
    public IReadOnlyList<DateTimeOffset>? Remembered(string feedId, DateTimeOffset? scheduled = null) =>
        _last.GetValueOrDefault(feedId) is { } memory && (scheduled is null || memory.Next is { } next && SameMillisecond(next, scheduled.Value))
            ? memory.Times : null;

    /// <summary>Notes the next poll this process scheduled for the source (the store keeps it to the millisecond).</summary>
    public void Scheduled(string feedId, DateTimeOffset next)
    {
        if (_last.GetValueOrDefault(feedId) is { } memory) _last[feedId] = memory with { Next = next };
    }

    static bool SameMillisecond(DateTimeOffset a, DateTimeOffset b) => a.ToUnixTimeMilliseconds() == b.ToUnixTimeMilliseconds();

    static List<DateTimeOffset> Newest(IEnumerable<DateTimeOffset> times) => times.OrderDescending().Take(Kept).ToList();

    /// <summary>
    /// How long a response (its evidence headers, a 200's or a 304's) stays fresh, the soonest the server wants to be asked
    /// again: Cache-Control max-age, else Expires after the response's Date (HTTP caching: max-age wins); up to a day.
    /// </summary>
    public static TimeSpan? MaxAge(IEnumerable<KeyValuePair<string, string>> headers)
    {
        string? expires = null, date = null;
        foreach (var (name, value) in headers)
        {
            if (name.Equals("Expires", StringComparison.OrdinalIgnoreCase)) expires = value;
            if (name.Equals("Date", StringComparison.OrdinalIgnoreCase)) date = value;
            if (!name.Equals("Cache-Control", StringComparison.OrdinalIgnoreCase)) continue;
            foreach (var directive in value.Split(','))
            {
                var parts = directive.Trim().Split('=', 2);
                if (parts.Length == 2 && parts[0].Trim().Equals("max-age", StringComparison.OrdinalIgnoreCase)
                    && long.TryParse(parts[1].Trim().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
                    return TimeSpan.FromSeconds(Math.Min(seconds, (long)MaxFresh.TotalSeconds));
            }
        }
        // An Expires that does not parse (often "0" or "-1") means already stale, as HTTP says.
        if (HttpDate(expires) is not { } until || HttpDate(date) is not { } sent || until <= sent) return null;
        return until - sent > MaxFresh ? MaxFresh : until - sent;
    }

    static readonly TimeSpan MaxFresh = TimeSpan.FromDays(1);

    static DateTimeOffset? HttpDate(string? value) =>
        DateTimeOffset.TryParseExact(value?.Trim(), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
}
