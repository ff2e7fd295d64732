using BorderAlerts.Core.Feeds;
using BorderAlerts.Core.Polling;

namespace BorderAlerts.Core.Tests.Polling;

/// <summary>
/// <c>every: auto</c>'s decision: half the shortest expected gap (the last five items, the last 24 h, this hour of day
/// over the week, the week),
/// within the bounds, never under the server's hint. Random cases are checked against a plain count of the times.
/// </summary>
public class AdaptiveIntervalTests
{
    static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
    static readonly AdaptiveBounds Bounds = new(TimeSpan.FromMinutes(2), TimeSpan.FromHours(1));

    static DateTimeOffset[] MinutesAgo(params double[] minutes) => minutes.Select(m => Now - TimeSpan.FromMinutes(m)).ToArray();

    [Fact]
    public void A_source_that_published_nothing_this_week_is_polled_at_the_upper_bound()
    {
        Assert.Equal(TimeSpan.FromHours(1), AdaptiveInterval.Next([], Now, Bounds));
        Assert.Equal(TimeSpan.FromHours(1), AdaptiveInterval.Next(MinutesAgo(8 * 24 * 60, -30), Now, Bounds)); // too old; in the future
    }

    [Fact]
    public void A_source_publishing_every_ten_minutes_today_is_polled_every_five()
    {
        var times = Enumerable.Range(1, 144).Select(i => Now - TimeSpan.FromMinutes(10 * i)).ToList();
        Assert.Equal(TimeSpan.FromMinutes(5), AdaptiveInterval.Next(times, Now, Bounds));
    }

    [Fact]
    public void A_daily_bulletin_is_polled_often_around_its_hour_and_seldom_elsewhere()
    {
        var bulletins = Enumerable.Range(1, 7).Select(d => Now.AddDays(-d).AddMinutes(10)).ToList(); // 12:10 each day
        var wide = new AdaptiveBounds(TimeSpan.FromMinutes(2), TimeSpan.FromHours(12));
        Assert.Equal(TimeSpan.FromMinutes(30), AdaptiveInterval.Next(bulletins, Now, wide));              // 7 h/7 = 1 h gap at this hour
        Assert.Equal(TimeSpan.FromHours(12), AdaptiveInterval.Next(bulletins, Now.AddHours(6), wide));    // 18:00: the week's pace, 1 d gap
        Assert.Equal(TimeSpan.FromHours(4), AdaptiveInterval.Next(bulletins, Now.AddHours(-4).AddMinutes(-5), wide)); // 07:55: wakes at 11:55
    }

    [Fact]
    public void A_burst_is_polled_at_the_lower_bound()
    {
        Assert.Equal(TimeSpan.FromMinutes(2), AdaptiveInterval.Next(MinutesAgo(Enumerable.Range(0, 2000).Select(i => i * 0.5).ToArray()), Now, Bounds));
    }

    [Theory]
    [InlineData(30, 30)]        // max-age above the learned interval wins
    [InlineData(3 * 60, 180)]   // even beyond the upper bound
    [InlineData(3 * 24 * 60, 24 * 60)] // up to a day
    [InlineData(1, 5)]          // a shorter hint changes nothing
    public void The_server_hint_is_never_undercut(int hintMinutes, int expectedMinutes)
    {
        var times = Enumerable.Range(1, 144).Select(i => Now - TimeSpan.FromMinutes(10 * i)).ToList();
        Assert.Equal(TimeSpan.FromMinutes(expectedMinutes), AdaptiveInterval.Next(times, Now, Bounds, TimeSpan.FromMinutes(hintMinutes)));
    }

    /// <summary>The rule written out plainly: the fifth newest time's age over five, count the times in each window, take the shortest gap, halve, clamp, wake before a recurring time of day, hint.</summary>
    static TimeSpan Oracle(IReadOnlyList<DateTimeOffset> times, DateTimeOffset now, AdaptiveBounds bounds, TimeSpan? hint)
    {
        var week = times.Where(t => t <= now && t >= now.AddDays(-7)).ToList();
        var day = week.Count(t => t >= now.AddDays(-1));
        double TimeOfDay(DateTimeOffset t) => t.UtcDateTime.TimeOfDay.TotalMinutes;
        double Apart(DateTimeOffset a, DateTimeOffset b) => Math.Min(Math.Abs(TimeOfDay(a) - TimeOfDay(b)), 1440 - Math.Abs(TimeOfDay(a) - TimeOfDay(b)));
        var hour = week.Count(t => Apart(t, now) <= 30);
        var gaps = new List<double>();
        if (week.Count >= 5) gaps.Add((now - week.OrderDescending().ElementAt(4)).TotalMinutes / 5);
        if (day > 0) gaps.Add(1440.0 / day);
        if (hour > 0) gaps.Add(7 * 60.0 / hour);
        if (week.Count > 0) gaps.Add(7 * 1440.0 / week.Count);
        var minutesNext = gaps.Count == 0 ? bounds.Max.TotalMinutes : Math.Clamp(gaps.Min() / 2, bounds.Min.TotalMinutes, bounds.Max.TotalMinutes);
        var recurring = week.Where(t => week.Count(o => Apart(o, t) <= 30) >= 2).ToList();
        foreach (var t in recurring.Any(t => Apart(t, now) <= 15) ? [] : recurring)
        {
            var until = ((TimeOfDay(t) - 15 - TimeOfDay(now)) % 1440 + 1440) % 1440; // to 15 minutes before that time of day
            if (until < minutesNext) minutesNext = Math.Max(until, bounds.Min.TotalMinutes);
        }
        if (hint is { } h && h.TotalMinutes > minutesNext) minutesNext = Math.Min(h.TotalMinutes, 1440);
        return TimeSpan.FromMinutes(minutesNext);
    }

    [Fact]
    public void Random_histories_get_the_interval_a_plain_count_gives()
    {
        var random = new Random(21);
        for (int round = 0; round < 2000; round++)
        {
            var now = Now.AddMinutes(random.Next(0, 1440));
            var times = Enumerable.Range(0, random.Next(0, 60))
                .Select(_ => now - TimeSpan.FromMinutes(random.Next(-60, 9 * 1440))).ToList(); // some in the future, some too old
            var min = TimeSpan.FromMinutes(random.Next(1, 30));
            var bounds = new AdaptiveBounds(min, min + TimeSpan.FromMinutes(random.Next(0, 600)));
            TimeSpan? hint = random.Next(3) == 0 ? TimeSpan.FromMinutes(random.Next(0, 3000)) : null;
            var expected = Oracle(times, now, bounds, hint);
            var actual = AdaptiveInterval.Next(times, now, bounds, hint);
            Assert.True(Math.Abs((expected - actual).TotalSeconds) < 0.001, $"round {round}: expected {expected}, got {actual}");
        }
    }

    [Fact]
    public void Random_histories_are_polled_within_the_bounds_unless_the_server_asks_for_longer()
    {
        var random = new Random(7);
        for (int round = 0; round < 1000; round++)
        {
            var times = Enumerable.Range(0, random.Next(0, 40)).Select(_ => Now - TimeSpan.FromMinutes(random.Next(0, 8 * 1440))).ToList();
            var wait = AdaptiveInterval.Next(times, Now, Bounds);
            Assert.InRange(wait, Bounds.Min, Bounds.Max);
            Assert.Equal(TimeSpan.FromHours(3), AdaptiveInterval.Next(times, Now, Bounds, TimeSpan.FromHours(3)));
        }
    }
}
