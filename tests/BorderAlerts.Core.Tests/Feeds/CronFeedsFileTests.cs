using BorderAlerts.Core.Config;
using BorderAlerts.Core.Feeds;

namespace BorderAlerts.Core.Tests.Feeds;

/// <summary>feeds.yaml's <c>cron:</c>: read through the port in the feed's zone, exclusive of <c>every:</c>, refused with file, line and field.</summary>
public class CronFeedsFileTests
{
    const string TwiceADay = "0 5 7,19 ? * *";
    static readonly DateTimeOffset Later = new(2100, 1, 1, 7, 5, 0, TimeSpan.FromHours(9));
    static readonly FakeCron Cron = new(FakeCron.Firing(TwiceADay, Later), FakeCron.Firing("0 0 0 30 2 ?"));

    static string Feed(string fields) => $"feeds:\n  - id: kcna\n    url: http://kcna.example/\n{fields}";

    [Theory]
    [InlineData("\"0 5 7,19 ? * *\"")]
    [InlineData("0 5 7,19 ? * *")] // YAML reads it unquoted too
    public void A_cron_schedule_is_read_in_the_feeds_time_zone(string written)
    {
        var cron = new FakeCron(FakeCron.Firing(TwiceADay, Later));

        var feed = FeedsFile.Parse(Feed($"    timezone: Asia/Pyongyang\n    cron: {written}\n"), "feeds.yaml", cron).Single();

        Assert.Equal(TwiceADay, feed.Cron!.Expression);
        Assert.Equal("Asia/Pyongyang", cron.Zone!.Id);
        Assert.Equal(Later, feed.Cron.NextAfter(DateTimeOffset.UtcNow));
        Assert.Equal($"cron {TwiceADay} (Asia/Pyongyang)", feed.Schedule);
    }

    [Fact]
    public void A_feed_without_cron_keeps_its_interval()
    {
        var feed = FeedsFile.Parse(Feed("    every: 2m\n"), "feeds.yaml", Cron).Single();

        Assert.Null(feed.Cron);
        Assert.Equal("every 2m", feed.Schedule);
    }

    [Theory]
    [InlineData("    every: 10m\n    cron: \"0 5 7,19 ? * *\"\n", 5, "give either every: or cron:, not both")]
    [InlineData("    cron: \"5 7 * * *\"\n", 4, "'5 7 * * *' is not a Quartz cron expression (" + FakeCron.Refusal + ")")]
    [InlineData("    cron: \"0 0 0 30 2 ?\"\n", 4, "'0 0 0 30 2 ?' never fires")]
    public void A_bad_cron_is_refused_naming_file_line_and_field(string fields, int line, string problem)
    {
        var error = Assert.Throws<ConfigException>(() => FeedsFile.Parse(Feed(fields), "config/feeds.yaml", Cron));

        Assert.StartsWith($"config/feeds.yaml:{line}: feeds[0].cron: ", error.Message);
        Assert.Contains(problem, error.Problem);
    }

    [Fact]
    public void Without_a_cron_reader_a_cron_feed_is_an_error_not_a_feed_polled_every_ten_minutes()
    {
        var error = Assert.Throws<ConfigException>(() => FeedsFile.Parse(Feed($"    cron: \"{TwiceADay}\"\n"), "config/feeds.yaml"));

        Assert.Equal(("feeds[0].cron", 4), (error.Field, error.Line));
    }
}
