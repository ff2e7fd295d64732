using BorderAlerts.Core.Config;
using BorderAlerts.Core.Feeds;
using BorderAlerts.Jobs;

namespace BorderAlerts.Tests.Polling;

/// <summary>feeds.yaml's <c>cron:</c> read by Quartz: fire times in the feed's zone (with and without daylight saving), bad ones named.</summary>
public sealed class QuartzCronTests
{
    static ICronSchedule Read(string expression, string zone)
    {
        Assert.True(new QuartzCronParser().TryParse(expression, TimeZoneInfo.FindSystemTimeZoneById(zone), out var schedule, out var problem), problem);
        return schedule;
    }

    static DateTimeOffset Utc(int month, int day, int hour, int minute) => new(2027, month, day, hour, minute, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(12, 1, 0, 0, 12, 1, 10, 5)]  // 09:00 in Pyongyang: next is 19:05 there
    [InlineData(12, 1, 10, 5, 12, 1, 22, 5)] // 19:05 there: next is 07:05 the next morning
    [InlineData(6, 30, 23, 0, 7, 1, 10, 5)]  // no daylight saving: the same UTC times in summer
    public void Pyongyang_times_fire_at_the_same_utc_times_all_year(int month, int day, int hour, int minute, int fireMonth, int fireDay, int fireHour, int fireMinute) =>
        Assert.Equal(Utc(fireMonth, fireDay, fireHour, fireMinute), Read("0 5 7,19 ? * *", "Asia/Pyongyang").NextAfter(Utc(month, day, hour, minute)));

    [Fact]
    public void New_york_seven_oclock_moves_an_hour_earlier_in_utc_when_daylight_saving_starts()
    {
        var seven = Read("0 0 7 ? * *", "America/New_York");

        Assert.Equal(Utc(3, 13, 12, 0), seven.NextAfter(Utc(3, 13, 0, 0)));  // EST, UTC−5
        Assert.Equal(Utc(3, 14, 11, 0), seven.NextAfter(Utc(3, 13, 12, 0))); // EDT from 14 March 2027, UTC−4
        Assert.Equal(Utc(11, 7, 12, 0), seven.NextAfter(Utc(11, 6, 11, 0))); // back to EST on 7 November
    }

    [Theory]
    [InlineData("5 7 * * *", "is not a Quartz cron expression")]       // Unix cron: no seconds field
    [InlineData("0 65 7 ? * *", "is not a Quartz cron expression")]     // minute 65
    [InlineData("0 0 0 30 2 ?", "never fires")]                         // 30 February
    [InlineData("0 0 0 1 1 ? 2001", "never fires")]                     // a year gone by
    public void A_bad_expression_is_refused_naming_file_line_and_field(string expression, string problem)
    {
        var yaml = $"feeds:\n  - id: kcna\n    url: http://kcna.example/\n    timezone: Asia/Pyongyang\n    cron: \"{expression}\"\n";

        var error = Assert.Throws<ConfigException>(() => FeedsFile.Parse(yaml, "config/feeds.yaml", new QuartzCronParser()));

        Assert.StartsWith($"config/feeds.yaml:5: feeds[0].cron: '{expression}' {problem}", error.Message);
    }
}
