using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;

namespace BorderAlerts.Chat.Discord;

/// <summary>
/// Paces requests per bucket from Discord's own headers: when X-RateLimit-Remaining reaches 0 the next request waits
/// X-RateLimit-Reset-After. A 429 blocks the bucket that got it, for the time Discord asked, also when Discord calls it
/// global: one webhook's (or channel's) limit never stalls the others. A send waits here only for short pauses; a longer
/// one is handed back so the delivery pass records it and moves on to the other destinations.
/// </summary>
public sealed class DiscordRateLimiter(TimeProvider clock)
{
    /// <summary>Pauses up to this long are waited out in the send; longer ones come back as a rate limit to retry later.</summary>
    public static readonly TimeSpan InlineWait = TimeSpan.FromSeconds(2);

    sealed class Bucket { public int Remaining = 1; public DateTimeOffset ResetAt; }

    readonly ConcurrentDictionary<string, Bucket> _buckets = new();

    /// <summary>Waits for the bucket if the pause is short; returns the pause still ahead if it is longer (else zero).</summary>
    public async Task<TimeSpan> WaitAsync(string key, CancellationToken cancellationToken)
    {
        var bucket = _buckets.GetOrAdd(key, _ => new Bucket());
        while (true)
        {
            var now = clock.GetUtcNow();
            DateTimeOffset until;
            lock (bucket) until = bucket.Remaining <= 0 ? bucket.ResetAt : now;
            if (until <= now) return TimeSpan.Zero;
            if (until - now > InlineWait) return until - now;
            await Task.Delay(until - now, clock, cancellationToken);
            lock (bucket) if (bucket.ResetAt <= clock.GetUtcNow()) bucket.Remaining = Math.Max(bucket.Remaining, 1);
        }
    }

    public void Update(string key, HttpResponseHeaders headers)
    {
        var bucket = _buckets.GetOrAdd(key, _ => new Bucket());
        var remaining = Header(headers, "X-RateLimit-Remaining");
        var resetAfter = Header(headers, "X-RateLimit-Reset-After");
        lock (bucket)
        {
            if (remaining is { } r) bucket.Remaining = (int)r;
            if (resetAfter is { } s) bucket.ResetAt = clock.GetUtcNow() + TimeSpan.FromSeconds(s);
        }
    }

    /// <summary>A 429 for this bucket (global or not): nothing goes to it until the wait is over.</summary>
    public void Block(string key, TimeSpan wait)
    {
        var until = clock.GetUtcNow() + wait;
        var bucket = _buckets.GetOrAdd(key, _ => new Bucket());
        lock (bucket) { bucket.Remaining = 0; if (until > bucket.ResetAt) bucket.ResetAt = until; }
    }

    static double? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) && double.TryParse(values.First(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
}
