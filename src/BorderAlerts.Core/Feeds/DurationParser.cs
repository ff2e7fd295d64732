using System.Globalization;

namespace BorderAlerts.Core.Feeds;

/// <summary>Parses durations written as 30s, 10m, 2h, 1d (also combined: 1h30m), and prints them the same way.</summary>
public static class DurationParser
{
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var span = text.Trim().AsSpan();
        var total = TimeSpan.Zero;
        while (!span.IsEmpty)
        {
            int digits = 0;
            while (digits < span.Length && char.IsAsciiDigit(span[digits])) digits++;
            if (digits == 0 || digits == span.Length) return false;
            if (!long.TryParse(span[..digits], NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return false;
            var unit = span[digits] switch
            {
                's' => TimeSpan.FromSeconds(1),
                'm' => TimeSpan.FromMinutes(1),
                'h' => TimeSpan.FromHours(1),
                'd' => TimeSpan.FromDays(1),
                _ => TimeSpan.Zero,
            };
            if (unit == TimeSpan.Zero || n > 100_000) return false;
            total += unit * n;
            span = span[(digits + 1)..];
        }
        value = total;
        return total > TimeSpan.Zero;
    }

    /// <summary>The form <see cref="TryParse"/> reads and feeds.yaml takes: 30s, 10m, 2h, 1d, or combined (1h30m).</summary>
    public static string Format(TimeSpan value)
    {
        if (value <= TimeSpan.Zero) return "0s";
        var text = new System.Text.StringBuilder();
        if (value.Days > 0) text.Append(CultureInfo.InvariantCulture, $"{value.Days}d");
        if (value.Hours > 0) text.Append(CultureInfo.InvariantCulture, $"{value.Hours}h");
        if (value.Minutes > 0) text.Append(CultureInfo.InvariantCulture, $"{value.Minutes}m");
        if (value.Seconds > 0 || text.Length == 0) text.Append(CultureInfo.InvariantCulture, $"{value.Seconds}s");
        return text.ToString();
    }
}
