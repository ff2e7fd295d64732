using BorderAlerts.Core.Feeds;

namespace BorderAlerts.Core.Tests.Feeds;

/// <summary>feeds.yaml's <c>every: auto</c> and its <c>min:</c>/<c>max:</c> bounds (bad bounds: FeedsFileTests).</summary>
public class AutoEveryFeedsFileTests
{
    const string Head = "feeds:\n  - id: a\n    url: http://x/\n";

    [Theory]
    [InlineData("    every: auto\n", 2, 60)]
    [InlineData("    every: Auto\n    min: 1m\n    max: 3h\n", 1, 180)]
    [InlineData("    every: auto\n    max: 20m\n", 2, 20)]
    public void Every_auto_learns_within_the_bounds_given_or_the_defaults(string fields, int minMinutes, int maxMinutes)
    {
        var feed = FeedsFile.Parse(Head + fields, "feeds.yaml").Single();
        Assert.Equal(new AdaptiveBounds(TimeSpan.FromMinutes(minMinutes), TimeSpan.FromMinutes(maxMinutes)), feed.Auto);
        Assert.StartsWith("every auto (", feed.Schedule);
    }

    [Fact]
    public void A_fixed_interval_is_not_auto() => Assert.Null(FeedsFile.Parse(Head + "    every: 5m\n", "feeds.yaml").Single().Auto);

    static readonly FeedDefaults AutoByDefault = new(null, new AdaptiveBounds(TimeSpan.FromMinutes(5), TimeSpan.FromHours(2)));

    [Theory]
    [InlineData("", true, 5, 120)]                            // no every: the settings' default, auto within its bounds
    [InlineData("    every: auto\n    max: 20m\n", true, 5, 20)] // the settings' min, the feed's max
    [InlineData("    every: 5m\n", false, 0, 0)]                // a feed that says keeps its own
    public void A_settings_default_of_auto_applies_where_the_feed_says_nothing(string fields, bool auto, int minMinutes, int maxMinutes)
    {
        var feed = FeedsFile.Parse(Head + fields, "feeds.yaml", defaults: AutoByDefault).Single();
        Assert.Equal(auto ? new AdaptiveBounds(TimeSpan.FromMinutes(minMinutes), TimeSpan.FromMinutes(maxMinutes)) : null, feed.Auto);
    }

    [Fact]
    public void A_settings_default_interval_applies_to_a_feed_without_every() =>
        Assert.Equal((TimeSpan.FromMinutes(3), null), FeedsFile.Parse(Head, "feeds.yaml", defaults: FeedDefaults.Standard with { Every = TimeSpan.FromMinutes(3) })
            .Select(f => (f.Every, f.Auto)).Single());

    [Fact]
    public void Min_and_max_still_need_every_auto_written_when_the_default_is_auto()
    {
        var error = Assert.Throws<Config.ConfigException>(() => FeedsFile.Parse(Head + "    max: 2h\n", "feeds.yaml", defaults: AutoByDefault));
        Assert.Contains("only goes with every: auto", error.Message);
    }
}
