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
}
