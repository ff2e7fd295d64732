using BorderAlerts.Core.Feeds;
using BorderAlerts.Core.Polling;
using BorderAlerts.Core.Tests.Feeds;

namespace BorderAlerts.Core.Tests.Polling;

/// <summary>A cron feed is polled at its fire times; failures back off as usual but are retried no later than the next fire.</summary>
public class CronScheduleTests
{
    static readonly TimeSpan Kst = TimeSpan.FromHours(9);
    static readonly DateTimeOffset Morning = new(2026, 12, 1, 7, 5, 0, Kst), Evening = new(2026, 12, 1, 19, 5, 0, Kst);
    static readonly Backoff Backoff = new(TimeSpan.FromHours(4), () => 0.5);

    static readonly FeedDefinition Kcna = new()
    {
        Id = "kcna", Name = "KCNA", Url = new Uri("http://kcna.example/"), Cron = FakeCron.Firing("0 5 7,19 ? * *", Morning, Evening),
    };

    static DateTimeOffset At(int hour, int minute) => new(2026, 12, 1, hour, minute, 0, Kst);

    [Fact]
    public void After_a_success_the_next_poll_is_the_next_fire_time() =>
        Assert.Equal(Evening, Backoff.NextAfterSuccess(Kcna, At(7, 6)));

    [Fact]
    public void A_feed_without_a_schedule_still_polls_at_its_stretched_interval() =>
        Assert.Equal(At(8, 0) + TimeSpan.FromMinutes(10.5), Backoff.NextAfterSuccess(Kcna with { Cron = null }, At(8, 0)));

    [Fact]
    public void A_failure_far_from_the_next_fire_time_backs_off_from_the_interval() =>
        Assert.Equal(At(7, 16), Backoff.NextAfterFailure(Kcna, At(7, 6), 1, null));

    [Fact]
    public void A_failure_is_retried_no_later_than_the_next_fire_time() =>
        Assert.Equal(Evening, Backoff.NextAfterFailure(Kcna, At(19, 0), 3, null));

    [Theory]
    [InlineData(60, 20, 0)] // Retry-After beyond the fire time is honoured
    [InlineData(3, 19, 5)]  // a shorter one does not push the retry past the fire time
    public void Retry_after_is_honoured_before_the_fire_time(int retryMinutes, int hour, int minute) =>
        Assert.Equal(At(hour, minute), Backoff.NextAfterFailure(Kcna, At(19, 0), 1, TimeSpan.FromMinutes(retryMinutes)));

    [Fact]
    public void Retry_after_beyond_a_day_waits_the_day_it_would_wait_without_a_schedule() =>
        Assert.Equal(At(19, 0) + TimeSpan.FromDays(1), Backoff.NextAfterFailure(Kcna, At(19, 0), 1, TimeSpan.FromDays(30)));

    [Fact]
    public void A_schedule_with_no_fire_time_left_falls_back_to_the_interval() =>
        Assert.Equal(At(20, 0) + TimeSpan.FromMinutes(10.5), Backoff.NextAfterSuccess(Kcna, At(20, 0)));
}
