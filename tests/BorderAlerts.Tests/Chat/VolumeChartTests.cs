using BorderAlerts.Chat;
using BorderAlerts.Core.Briefings;
using SkiaSharp;

namespace BorderAlerts.Tests.Chat;

/// <summary>
/// The briefing's chart has its text on any host: every label in the embedded DejaVu Sans (SkiaSharp without fontconfig
/// finds no system font on a host without fonts), and whole-number ticks for counts.
/// </summary>
public class VolumeChartTests
{
    static readonly DateTimeOffset To = new(2026, 3, 30, 23, 0, 0, TimeSpan.Zero);
    static readonly VolumeSeries Series = VolumeSeries.Of([To.AddHours(-2), To.AddHours(-2), To.AddHours(-30)], To.AddHours(-24), To);

    /// <summary>Pixels darker than mid-grey in a strip of the picture: text, since the bars are grey and blue.</summary>
    static int Dark(SKBitmap bitmap, SKRectI strip)
    {
        int dark = 0;
        for (int y = strip.Top; y < strip.Bottom; y++)
            for (int x = strip.Left; x < strip.Right; x++)
                if (bitmap.GetPixel(x, y) is { Red: < 100, Green: < 100, Blue: < 100 }) dark++;
        return dark;
    }

    [Fact]
    public void The_title_axis_labels_and_ticks_are_drawn_in_the_embedded_font()
    {
        var plot = VolumeChartPng.Build(Series, TimeZoneInfo.Utc, "Morning brief: alerted items");

        Assert.Equal("DejaVu Sans", ChartFont.Typeface().FamilyName);
        Assert.All(new[] { plot.Axes.Title.Label, plot.Axes.Left.Label, plot.Axes.Bottom.Label, plot.Axes.Left.TickLabelStyle, plot.Axes.Bottom.TickLabelStyle },
            label => Assert.Equal(ChartFont.Name, label.FontName));
        using var bitmap = SKBitmap.Decode(plot.GetImageBytes(VolumeChartPng.Width, VolumeChartPng.Height, ScottPlot.ImageFormat.Png));
        var data = plot.LastRender.DataRect; // without a font it fills the picture, its frame at the edges: look only outside it
        Assert.True(Dark(bitmap, new SKRectI(0, 0, VolumeChartPng.Width, (int)data.Top - 2)) > 100, "the title has text");
        Assert.True(Dark(bitmap, new SKRectI(0, 0, (int)data.Left - 8, VolumeChartPng.Height)) > 100, "the y-axis label and ticks have text");
        Assert.True(Dark(bitmap, new SKRectI(0, (int)data.Bottom + 8, VolumeChartPng.Width, VolumeChartPng.Height)) > 100, "the x-axis label and ticks have text");
    }

    [Fact]
    public void The_counts_axis_ticks_are_whole_numbers()
    {
        var plot = VolumeChartPng.Build(Series, TimeZoneInfo.Utc, "Morning brief: alerted items");
        plot.GetImageBytes(VolumeChartPng.Width, VolumeChartPng.Height, ScottPlot.ImageFormat.Png); // lays the ticks out

        var ticks = plot.Axes.Left.TickGenerator.Ticks.Where(t => t.IsMajor).Select(t => t.Position).ToList();

        Assert.True(ticks.Count >= 2, string.Join(", ", ticks));
        Assert.All(ticks, t => Assert.Equal(Math.Round(t), t));
    }
}
