using System.Globalization;
using BorderAlerts.Core.Briefings;
using ScottPlot;

namespace BorderAlerts.Chat;

/// <summary>
/// A briefing's volume chart drawn by ScottPlot (SkiaSharp): a bar per hour or day, the period before the window in grey,
/// the window in blue, ticks in the briefing's time zone. Small (800×360) and well under every platform's attachment limit.
/// </summary>
public sealed class VolumeChartPng : IVolumeChart
{
    public const int Width = 800, Height = 360;

    public byte[] Render(VolumeSeries series, TimeZoneInfo zone, string title)
    {
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
        plot.Axes.Margins(bottom: 0);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
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
