using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;

namespace BorderAlerts.Chat.Discord;

/// <summary>
/// Paces requests per bucket from Discord's own headers: when X-RateLimit-Remaining reaches 0 the next request waits
/// X-RateLimit-Reset-After. A 429 blocks its bucket (or everything, if global) for the time Discord asked.
/// </summary>
public sealed class DiscordRateLimiter(TimeProvider clock)
{
    sealed class Bucket { public int Remaining = 1; public DateTimeOffset ResetAt; }

    readonly ConcurrentDictionary<string, Bucket> _buckets = new();
    DateTimeOffset _globalUntil;

    public async Task WaitAsync(string key, CancellationToken cancellationToken)
    {
        var bucket = _buckets.GetOrAdd(key, _ => new Bucket());
        while (true)
        {
            var now = clock.GetUtcNow();
            var until = _globalUntil;
            lock (bucket) if (bucket.Remaining <= 0 && bucket.ResetAt > until) until = bucket.ResetAt;
            if (until <= now) return;
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

    public void Block(string key, TimeSpan wait, bool global)
    {
        var until = clock.GetUtcNow() + wait;
        if (global) { if (until > _globalUntil) _globalUntil = until; return; }
        var bucket = _buckets.GetOrAdd(key, _ => new Bucket());
        lock (bucket) { bucket.Remaining = 0; if (until > bucket.ResetAt) bucket.ResetAt = until; }
    }

    static double? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) && double.TryParse(values.First(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
}
