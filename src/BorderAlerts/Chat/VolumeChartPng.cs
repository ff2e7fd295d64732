using System.Globalization;
using BorderAlerts.Core.Briefings;
using ScottPlot;

namespace BorderAlerts.Chat;

/// <summary>
/// A briefing's volume chart drawn by ScottPlot (SkiaSharp): a bar per hour or day, the period before the window in grey,
/// the window in blue, ticks in the briefing's time zone, whole-number counts, every text in the embedded <see cref="ChartFont"/>.
/// Small (800×360) and well under every platform's attachment limit.
/// </summary>
public sealed class VolumeChartPng : IVolumeChart
{
    public const int Width = 800, Height = 360;

    public byte[] Render(VolumeSeries series, TimeZoneInfo zone, string title) => Build(series, zone, title).GetImageBytes(Width, Height, ImageFormat.Png);

    /// <summary>The chart before it is drawn.</summary>
    internal static Plot Build(VolumeSeries series, TimeZoneInfo zone, string title)
    {
        ChartFont.Register();
        var plot = new Plot();
        var bars = series.Counts.Select((count, i) => new Bar
        {
            Position = i, Value = count,
            FillColor = i < series.WindowIndex ? Colors.LightGray : Color.FromHex("#1f77b4"),
            LineWidth = 0,
        }).ToList();
        plot.Add.Bars(bars);
        plot.Title(title);
        plot.YLabel("alerted items");
        plot.XLabel($"{(series.Bucket == TimeSpan.FromHours(1) ? "hour" : "day")} ({zone.Id}); grey: the period before");
        plot.Axes.Bottom.TickGenerator = Ticks(series, zone);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true }; // counts are whole
        plot.Axes.Margins(bottom: 0);
        plot.Font.Set(ChartFont.Name); // after every label is set: it sets them all
        return plot;
    }

    /// <summary>At most about eight labelled ticks, each a bucket's start in the zone.</summary>
    static ScottPlot.TickGenerators.NumericManual Ticks(VolumeSeries series, TimeZoneInfo zone)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        var step = Math.Max(1, series.Counts.Count / 8);
        var format = series.Bucket == TimeSpan.FromHours(1) ? "MM-dd HH:mm" : "MM-dd";
        for (int i = 0; i < series.Counts.Count; i += step)
            ticks.AddMajor(i, TimeZoneInfo.ConvertTime(series.Start + series.Bucket * i, zone).ToString(format, CultureInfo.InvariantCulture));
        return ticks;
    }
}
