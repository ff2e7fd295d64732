using System.Globalization;
using System.Text.RegularExpressions;
using BorderAlerts.Endpoints.Panel;

namespace BorderAlerts.Tests.Panel;

/// <summary>The panel's bar chart writer: one bar per day, heights proportional to the counts, labels HTML-encoded, an empty series drawn empty.</summary>
public sealed partial class SvgBarChartTests
{
    static readonly DateOnly Last = new(2026, 3, 30);

    static double[] Heights(string svg) =>
        [.. BarPattern().Matches(svg).Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))];

    [Fact]
    public void Each_day_gets_one_bar_with_a_height_proportional_to_its_count()
    {
        var series = DaySeries.Ending(Last, 30, new Dictionary<DateOnly, int> { [Last] = 8, [Last.AddDays(-29)] = 2, [Last.AddDays(-10)] = 4, [Last.AddDays(-40)] = 99 });

        var svg = SvgBarChart.Render("Alerts per day", series);
        var heights = Heights(svg);

        Assert.Equal(30, heights.Length);
        Assert.Equal((30.0, 60.0, 120.0), (heights[0], heights[19], heights[29])); // 2, 4 and 8 of a 120-pixel plot whose top is 8
        Assert.Equal(27, heights.Count(h => h == 0));
        Assert.Contains(">2026-03-01</text>", svg);
        Assert.Contains(">2026-03-30</text>", svg);
        Assert.Contains(">8</text>", svg); // the axis's top
        Assert.Contains("aria-label=\"Alerts per day: 14 in the 30 days from 2026-03-01 to 2026-03-30; most 8 on 2026-03-30\"", svg);
        Assert.Contains("role=\"img\"", svg);
        Assert.DoesNotContain("style=", svg); // the CSP allows no inline style
    }

    [Fact]
    public void A_sparkline_has_the_same_bars_and_words_but_no_axis_labels()
    {
        var series = new DaySeries(Last.AddDays(-2), [1, 0, 3]);

        var svg = SvgBarChart.Render("feed-1", series, sparkline: true);

        Assert.Equal([8.0, 0.0, 24.0], Heights(svg));
        Assert.DoesNotContain("<text", svg);
        Assert.Contains("<title>feed-1: 4 in the 3 days from 2026-03-28 to 2026-03-30; most 3 on 2026-03-30</title>", svg);
    }

    [Fact]
    public void An_empty_series_draws_no_bar_taller_than_zero_and_says_none()
    {
        var none = SvgBarChart.Render("Items", DaySeries.Ending(Last, 30, null));
        var noDays = SvgBarChart.Render("Items", new DaySeries(Last, []));

        Assert.Equal(Enumerable.Repeat(0.0, 30), Heights(none));
        Assert.Contains("aria-label=\"Items: none in the 30 days from 2026-03-01 to 2026-03-30\"", none);
        Assert.Empty(Heights(noDays));
        Assert.Contains("aria-label=\"Items: no days to show\"", noDays);
    }

    [Fact]
    public void Labels_and_the_table_are_html_encoded()
    {
        const string hostile = "<script>alert(\"x\")</script>";
        var series = new DaySeries(Last, [5]);

        var html = SvgBarChart.Render(hostile, series) + SvgBarChart.Table(hostile, series);

        Assert.DoesNotContain("<script>", html);
        Assert.Contains("aria-label=\"&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;: 5 in the 1 days", html);
        Assert.Contains("<caption>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</caption>", html);
        Assert.Contains("<tr><td>2026-03-30</td><td>5</td></tr>", html);
    }

    [GeneratedRegex("<rect [^>]*height=\"([0-9.]+)\"")]
    private static partial Regex BarPattern();
}
