using BorderAlerts.Core.Briefings;

namespace BorderAlerts.Core.Tests.Briefings;

/// <summary>The volume's totals and grid when the window is not a whole number of buckets (a 60 h window in day buckets).</summary>
public class VolumeSeriesTests
{
    static readonly DateTimeOffset To = new(2026, 3, 30, 23, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(60, -6, 1, 0)]   // 6 h before the window: the period before, though the day bucket straddles the window's start
    [InlineData(60, 6, 0, 1)]    // 6 h into the window
    [InlineData(60, -59, 1, 0)]  // the start of the period before
    [InlineData(60, -61, 0, 0)]  // before the period before: left out
    [InlineData(60, 59, 0, 1)]   // the last, partial bucket of the window
    [InlineData(1.5, -0.25, 1, 0)] // a 90 min window in hour buckets
    public void Totals_come_from_the_items_times_and_the_grid_starts_at_the_window(double windowHours, double hoursFromWindowStart, int previous, int window)
    {
        var from = To.AddHours(-windowHours);

        var series = VolumeSeries.Of([from.AddHours(hoursFromWindowStart)], from, To);

        Assert.Equal((previous, window), (series.PreviousTotal, series.WindowTotal));
        Assert.Equal(from, series.Start + series.Bucket * series.WindowIndex);
        Assert.Equal(previous + window, series.Counts.Sum());
        Assert.Equal(series.Counts.Count, 2 * series.WindowIndex);
    }
}
