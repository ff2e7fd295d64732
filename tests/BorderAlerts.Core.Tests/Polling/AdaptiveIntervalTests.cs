using BorderAlerts.Core.Feeds;
using BorderAlerts.Core.Polling;

namespace BorderAlerts.Core.Tests.Polling;

/// <summary>
/// <c>every: auto</c>'s decision: half the shortest expected gap (last 24 h, this hour of day over the week, the week),
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
        Assert.Equal(TimeSpan.FromHours(1), AdaptiveInterval.Next(bulletins, Now, Bounds));            // 14 h/7 = 2 h gap
        var wide = new AdaptiveBounds(TimeSpan.FromMinutes(2), TimeSpan.FromHours(12));
        Assert.Equal(TimeSpan.FromHours(1), AdaptiveInterval.Next(bulletins, Now, wide));
        Assert.Equal(TimeSpan.FromHours(12), AdaptiveInterval.Next(bulletins, Now.AddHours(6), wide)); // 18:00: the week's pace, 1 d gap
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

    /// <summary>The rule written out plainly: count the times in each window, take the shortest gap, halve, clamp, hint.</summary>
    static TimeSpan Oracle(IReadOnlyList<DateTimeOffset> times, DateTimeOffset now, AdaptiveBounds bounds, TimeSpan? hint)
    {
        var week = times.Where(t => t <= now && t >= now.AddDays(-7)).ToList();
        var day = week.Count(t => t >= now.AddDays(-1));
        var hour = week.Count(t =>
        {
            var minutes = Math.Abs((t.UtcDateTime.TimeOfDay - now.UtcDateTime.TimeOfDay).TotalMinutes);
            return Math.Min(minutes, 1440 - minutes) <= 60;
        });
        var gaps = new List<double>();
        if (day > 0) gaps.Add(1440.0 / day);
        if (hour > 0) gaps.Add(7 * 120.0 / hour);
        if (week.Count > 0) gaps.Add(7 * 1440.0 / week.Count);
        var minutesNext = gaps.Count == 0 ? bounds.Max.TotalMinutes : Math.Clamp(gaps.Min() / 2, bounds.Min.TotalMinutes, bounds.Max.TotalMinutes);
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
    public void Another_item_never_makes_the_wait_longer()
    {
        var random = new Random(7);
        for (int round = 0; round < 1000; round++)
        {
            var times = Enumerable.Range(0, random.Next(0, 40)).Select(_ => Now - TimeSpan.FromMinutes(random.Next(0, 8 * 1440))).ToList();
            var before = AdaptiveInterval.Next(times, Now, Bounds);
            times.Add(Now - TimeSpan.FromMinutes(random.Next(0, 8 * 1440)));
            Assert.True(AdaptiveInterval.Next(times, Now, Bounds) <= before, $"round {round}");
        }
    }
}
