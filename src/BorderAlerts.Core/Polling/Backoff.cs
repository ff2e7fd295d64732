using BorderAlerts.Core.Feeds;

namespace BorderAlerts.Core.Polling;

/// <summary>
/// When to poll next. After a failure: the feed's interval doubled per consecutive failure, jittered ±25 %,
/// capped (default 4 h); never a permanent disable. A Retry-After longer than that is honoured up to a day.
/// A feed with a cron schedule is polled at its fire times; a failure is retried as above, but no later than the next one.
/// </summary>
public sealed class Backoff(TimeSpan cap, Func<double> random)
{
    public static readonly TimeSpan DefaultCap = TimeSpan.FromHours(4);
    static readonly TimeSpan MaxRetryAfter = TimeSpan.FromDays(1);
    static readonly TimeSpan MinBase = TimeSpan.FromMinutes(1);

    public Backoff() : this(DefaultCap, Random.Shared.NextDouble) { }

    /// <summary>
    /// After a success: the feed's interval, stretched by up to 10 % (at most 5 minutes) at random, so feeds added
    /// together drift apart instead of being polled in one burst every interval. Never sooner than the interval.
    /// </summary>
    public TimeSpan AfterSuccess(TimeSpan every) =>
        every + TimeSpan.FromTicks((long)Math.Min(TimeSpan.FromMinutes(5).Ticks, every.Ticks * 0.1 * random()));

    /// <summary>
    /// After a success (fetched or not modified): a cron feed's next fire time; an <c>every: auto</c> feed's interval
    /// learned from <paramref name="published"/> (its <c>every</c> within the bounds while nothing is known), never under
    /// <paramref name="serverHint"/>; else the stretched interval.
    /// </summary>
    public DateTimeOffset NextAfterSuccess(FeedDefinition feed, DateTimeOffset now, IReadOnlyList<DateTimeOffset>? published = null,
        TimeSpan? serverHint = null)
    {
        if (feed.Cron?.NextAfter(now) is { } fire) return fire; // a schedule with no fire time left falls back to the interval
        if (feed.Auto is not { } bounds) return now + AfterSuccess(feed.Every);
        if (published is not null) return now + AdaptiveInterval.Next(published, now, bounds, serverHint);
        var unknown = feed.Every < bounds.Min ? bounds.Min : feed.Every > bounds.Max ? bounds.Max : feed.Every;
        return now + (serverHint is { } hint && hint > unknown ? hint : unknown);
    }

    /// <summary>After a failure: the backoff, brought forward to a cron feed's next fire time unless Retry-After asks for longer.</summary>
    public DateTimeOffset NextAfterFailure(FeedDefinition feed, DateTimeOffset now, int consecutiveFailures, TimeSpan? retryAfter)
    {
        var at = now + AfterFailure(feed.Every, consecutiveFailures, retryAfter);
        if (feed.Cron?.NextAfter(now) is not { } fire || fire >= at) return at;
        var asked = now + (retryAfter ?? TimeSpan.Zero); // beyond `at` only where AfterFailure capped it
        return fire > asked ? fire : asked < at ? asked : at;
    }

    public TimeSpan AfterFailure(TimeSpan every, int consecutiveFailures, TimeSpan? retryAfter)
    {
        var baseDelay = every < MinBase ? MinBase : every;
        var exponent = Math.Clamp(consecutiveFailures - 1, 0, 20);
        var delay = TimeSpan.FromTicks((long)Math.Min(cap.Ticks, baseDelay.Ticks * Math.Pow(2, exponent)));
        delay = TimeSpan.FromTicks((long)(delay.Ticks * (0.75 + 0.5 * random())));
        if (delay > cap) delay = cap;
        if (retryAfter is { } wait && wait > delay) delay = wait > MaxRetryAfter ? MaxRetryAfter : wait;
        return delay;
    }
}
