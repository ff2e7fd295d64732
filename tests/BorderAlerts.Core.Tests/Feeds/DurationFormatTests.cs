using BorderAlerts.Core.Feeds;

namespace BorderAlerts.Core.Tests.Feeds;

/// <summary>Intervals print in the form feeds.yaml takes, and read back to the same value.</summary>
public sealed class DurationFormatTests
{
    [Theory]
    [InlineData(30, "30s")]
    [InlineData(600, "10m")]
    [InlineData(7200, "2h")]
    [InlineData(5400, "1h30m")]
    [InlineData(86400, "1d")]
    [InlineData(90061, "1d1h1m1s")]
    public void Formats_as_feeds_yaml_writes_it_and_parses_back(int seconds, string expected)
    {
        var value = TimeSpan.FromSeconds(seconds);
        Assert.Equal(expected, DurationParser.Format(value));
        Assert.True(DurationParser.TryParse(DurationParser.Format(value), out var back));
        Assert.Equal(value, back);
    }
}
