using BorderAlerts.Core.Feeds;
using BorderAlerts.Core.Polling;

namespace BorderAlerts.Core.Tests.Polling;

public class BackoffTests
{
    static Backoff Fixed(double random) => new(TimeSpan.FromHours(4), () => random);

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 20)]
    [InlineData(3, 40)]
    [InlineData(5, 160)]
    [InlineData(6, 240)]
    [InlineData(50, 240)]
    public void Failures_double_the_interval_up_to_the_cap(int failures, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), Fixed(0.5).AfterFailure(TimeSpan.FromMinutes(10), failures, null));

    [Fact]
    public void Jitter_spreads_retries_by_a_quarter_either_way()
    {
        Assert.Equal(TimeSpan.FromMinutes(7.5), Fixed(0).AfterFailure(TimeSpan.FromMinutes(10), 1, null));
        Assert.Equal(TimeSpan.FromMinutes(12.5), Fixed(1).AfterFailure(TimeSpan.FromMinutes(10), 1, null));
    }

    [Fact]
    public void Short_intervals_back_off_from_at_least_a_minute() =>
        Assert.Equal(TimeSpan.FromMinutes(1), Fixed(0.5).AfterFailure(TimeSpan.FromSeconds(5), 1, null));

    [Fact]
    public void Retry_after_longer_than_the_backoff_is_honoured_up_to_a_day()
    {
        Assert.Equal(TimeSpan.FromHours(2), Fixed(0.5).AfterFailure(TimeSpan.FromMinutes(10), 1, TimeSpan.FromHours(2)));
        Assert.Equal(TimeSpan.FromDays(1), Fixed(0.5).AfterFailure(TimeSpan.FromMinutes(10), 1, TimeSpan.FromDays(30)));
        Assert.Equal(TimeSpan.FromMinutes(10), Fixed(0.5).AfterFailure(TimeSpan.FromMinutes(10), 1, TimeSpan.FromSeconds(5)));
    }

    [Theory]
    [InlineData(0.0, 600)]
    [InlineData(1.0, 660)]
    [InlineData(0.5, 630)]
    public void After_a_success_the_next_poll_is_the_interval_stretched_by_up_to_a_tenth(double random, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), Fixed(random).AfterSuccess(TimeSpan.FromMinutes(10)));

    [Fact]
    public void The_stretch_is_at_most_five_minutes() =>
        Assert.Equal(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(5), Fixed(1).AfterSuccess(TimeSpan.FromHours(24)));

    [Theory]
    [InlineData(10, 10)]   // the default every, within the bounds
    [InlineData(1, 2)]     // brought up to min
    [InlineData(180, 60)]  // brought down to max
    public void An_auto_feed_whose_rhythm_is_not_known_yet_waits_its_every_within_the_bounds(int everyMinutes, int expectedMinutes)
    {
        var now = new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero);
        var feed = new FeedDefinition { Id = "a", Name = "a", Url = new Uri("http://x/"), Every = TimeSpan.FromMinutes(everyMinutes), Auto = AdaptiveBounds.Default };
        Assert.Equal(now.AddMinutes(expectedMinutes), Fixed(0.5).NextAfterSuccess(feed, now, published: null));
    }
}
