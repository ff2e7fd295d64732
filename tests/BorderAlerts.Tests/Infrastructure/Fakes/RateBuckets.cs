using Microsoft.AspNetCore.Http;

namespace BorderAlerts.Tests.Infrastructure;

/// <summary>One bucket's state after a request, as Discord reports it in X-RateLimit-* headers.</summary>
readonly record struct BucketState(bool Allowed, int Limit, int Remaining, DateTimeOffset ResetAt, string Bucket)
{
    public double ResetAfter => Math.Max(0, (ResetAt - DateTimeOffset.UtcNow).TotalSeconds);

    /// <summary>X-RateLimit-Limit/Remaining/Reset/Reset-After/Bucket (docs/platform-contracts.md §D3).</summary>
    public void WriteHeaders(HttpResponse response)
    {
        response.Headers["X-RateLimit-Limit"] = Limit.ToString();
        response.Headers["X-RateLimit-Remaining"] = Remaining.ToString();
        response.Headers["X-RateLimit-Reset"] = FakeHost.Seconds(ResetAt.ToUnixTimeMilliseconds() / 1000.0);
        response.Headers["X-RateLimit-Reset-After"] = FakeHost.Seconds(ResetAfter);
        response.Headers["X-RateLimit-Bucket"] = Bucket;
    }
}

/// <summary>
/// Discord-style fixed windows per top-level resource: the first request opens a window of <c>window()</c>, at most
/// <c>limit()</c> requests pass in it. Limits are read on every request so a test may change them.
/// </summary>
sealed class FixedWindowBuckets(Func<int> limit, Func<TimeSpan> window)
{
    readonly Dictionary<string, (DateTimeOffset ResetAt, int Used)> _windows = new(StringComparer.Ordinal);
    readonly Lock _gate = new();

    /// <summary>Counts a request against <paramref name="key"/>; not allowed when the window is spent.</summary>
    public BucketState Take(string key, string bucket) => Visit(key, bucket, take: true);

    /// <summary>The state without counting a request (for answers that never reached the limiter).</summary>
    public BucketState Peek(string key, string bucket) => Visit(key, bucket, take: false);

    public void Clear() { lock (_gate) _windows.Clear(); }

    BucketState Visit(string key, string bucket, bool take)
    {
        var now = DateTimeOffset.UtcNow;
        var max = limit();
        lock (_gate)
        {
            if (!_windows.TryGetValue(key, out var current) || current.ResetAt <= now) current = (now + window(), 0);
            var allowed = current.Used < max;
            if (take && allowed) current.Used++;
            _windows[key] = current;
            return new BucketState(allowed, max, Math.Max(0, max - current.Used), current.ResetAt, bucket);
        }
    }
}

/// <summary>
/// Slack-style pacing per channel (docs/platform-contracts.md §S3a: about one message per second, short bursts): a generic
/// cell-rate limiter allowing <c>burst()</c> messages at once, then one per <c>interval()</c>.
/// </summary>
sealed class PacedBuckets(Func<TimeSpan> interval, Func<int> burst)
{
    readonly Dictionary<string, DateTimeOffset> _theoretical = new(StringComparer.Ordinal);
    readonly Lock _gate = new();

    /// <summary>Takes a slot, or returns false with how long until one frees up.</summary>
    public bool TryTake(string key, out TimeSpan retryAfter)
    {
        var now = DateTimeOffset.UtcNow;
        var step = interval();
        var tolerance = step * Math.Max(0, burst() - 1);
        lock (_gate)
        {
            var tat = _theoretical.TryGetValue(key, out var known) && known > now ? known : now;
            if (tat - now > tolerance)
            {
                retryAfter = tat - tolerance - now;
                return false;
            }
            _theoretical[key] = tat + step;
            retryAfter = TimeSpan.Zero;
            return true;
        }
    }

    public void Clear() { lock (_gate) _theoretical.Clear(); }
}
