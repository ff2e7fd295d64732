using System.Globalization;
using System.Text;
using static BorderAlerts.Endpoints.Panel.PanelHtml;

namespace BorderAlerts.Endpoints.Panel;

/// <summary>Counts for consecutive UTC days from <see cref="First"/>, one per day (zero where nothing happened).</summary>
public sealed record DaySeries(DateOnly First, IReadOnlyList<int> Counts)
{
    /// <summary>The <paramref name="days"/> days ending with <paramref name="last"/>, from a store's per-day counts (absent days are 0).</summary>
    public static DaySeries Ending(DateOnly last, int days, IReadOnlyDictionary<DateOnly, int>? perDay)
    {
        var first = last.AddDays(1 - days);
        return new(first, [.. Enumerable.Range(0, days).Select(i => perDay?.GetValueOrDefault(first.AddDays(i)) ?? 0)]);
    }

    /// <summary>The last of <paramref name="days"/> UTC days ending today, and the midnight (UTC) the first begins: the window to ask the store for.</summary>
    public static (DateOnly Last, DateTimeOffset Since) Window(DateTimeOffset now, int days)
    {
        var last = DateOnly.FromDateTime(now.UtcDateTime);
        return (last, new DateTimeOffset(last.AddDays(1 - days).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
    }

    public DateOnly Last => First.AddDays(Counts.Count - 1);
    public int Total => Counts.Sum();
    public int Max => Counts.Count == 0 ? 0 : Counts.Max();
}

/// <summary>
/// Server-rendered bar charts: one bar per day, heights proportional to the day's count against the series' largest. Inline
/// SVG with presentation attributes only (the panel's CSP allows no inline style or script), role="img" with the figures in
/// words for screen readers, and <see cref="Table"/> for the numbers as text. Every label goes through <see cref="PanelHtml.E"/>.
/// </summary>
public static class SvgBarChart
{
    const int Width = 600, Height = 160, Left = 44, Top = 10, PlotHeight = 120, SparkBar = 4, SparkHeight = 24;

    /// <summary>The chart; <paramref name="sparkline"/> draws a small one without axis labels, for a table row.</summary>
    public static string Render(string subject, DaySeries series, bool sparkline = false)
    {
        var words = Words(subject, series);
        var (width, height, plot, left, top) = sparkline ? (Math.Max(1, series.Counts.Count) * SparkBar, SparkHeight, SparkHeight, 0, 0)
            : (Width, Height, PlotHeight, Left, Top);
        var bar = sparkline ? (double)SparkBar : (double)(Width - Left - 4) / Math.Max(1, series.Counts.Count);
        var svg = new StringBuilder($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" width=\"{width}\" height=\"{height}\" ")
            .Append($"viewBox=\"0 0 {width} {height}\" aria-label=\"{E(words)}\"><title>{E(words)}</title>")
            .Append($"<line x1=\"{left}\" y1=\"{top + plot}\" x2=\"{width}\" y2=\"{top + plot}\" stroke=\"#555\" stroke-width=\"1\"/>");
        svg.Append("<g fill=\"#1f4e99\">");
        for (var i = 0; i < series.Counts.Count; i++)
        {
            var h = series.Max == 0 ? 0 : (double)series.Counts[i] * plot / series.Max;
            svg.Append($"<rect x=\"{N(left + i * bar)}\" y=\"{N(top + plot - h)}\" width=\"{N(Math.Max(1, bar - 1))}\" height=\"{N(h)}\"/>");
        }
        svg.Append("</g>");
        if (!sparkline)
            svg.Append($"<text x=\"{left - 4}\" y=\"{top + 10}\" text-anchor=\"end\" font-size=\"12\" fill=\"#111\">{series.Max}</text>")
                .Append($"<text x=\"{left - 4}\" y=\"{top + plot}\" text-anchor=\"end\" font-size=\"12\" fill=\"#111\">0</text>")
                .Append($"<text x=\"{left}\" y=\"{Height - 8}\" font-size=\"12\" fill=\"#111\">{Day(series.First)}</text>")
                .Append($"<text x=\"{Width}\" y=\"{Height - 8}\" text-anchor=\"end\" font-size=\"12\" fill=\"#111\">{Day(series.Last)}</text>");
        return svg.Append("</svg>").ToString();
    }

    /// <summary>The numbers as text: a table of day and count, folded in a details element under the chart.</summary>
    public static string Table(string caption, DaySeries series)
    {
        var html = new StringBuilder($"<details><summary>{E(caption)} as a table</summary><table><caption>{E(caption)}</caption>")
            .Append("<thead><tr><th scope=\"col\">Day (UTC)</th><th scope=\"col\">Count</th></tr></thead><tbody>");
        for (var i = 0; i < series.Counts.Count; i++)
            html.Append($"<tr><td>{Day(series.First.AddDays(i))}</td><td>{series.Counts[i]}</td></tr>");
        return html.Append("</tbody></table></details>").ToString();
    }

    /// <summary>What the chart shows, in words: the subject, the total over the days, and the busiest day.</summary>
    public static string Words(string subject, DaySeries series)
    {
        if (series.Counts.Count == 0) return $"{subject}: no days to show";
        var span = $"{series.Counts.Count} days from {Day(series.First)} to {Day(series.Last)}";
        if (series.Max == 0) return $"{subject}: none in the {span}";
        var busiest = series.First.AddDays(series.Counts.ToList().IndexOf(series.Max));
        return $"{subject}: {series.Total} in the {span}; most {series.Max} on {Day(busiest)}";
    }

    static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    static string N(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);
}
