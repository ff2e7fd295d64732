namespace BorderAlerts.Cli;

/// <summary>A plain-text table: a header, then one line per row, each column as wide as its widest cell.</summary>
public static class CliTable
{
    public static void Write(TextWriter output, string[] header, IReadOnlyList<string[]> rows)
    {
        var widths = header.Select((title, i) => Math.Max(title.Length, rows.Select(c => c[i].Length).DefaultIfEmpty(0).Max())).ToArray();
        output.WriteLine(string.Join("  ", header.Select((t, i) => t.PadRight(widths[i]))).TrimEnd());
        foreach (var row in rows) output.WriteLine(string.Join("  ", row.Select((t, i) => t.PadRight(widths[i]))).TrimEnd());
    }

    public static string Ago(DateTimeOffset? at, DateTimeOffset now) => at is { } t ? Span(now - t) + " ago" : "never";

    /// <summary>A duration as people say it: 42s, 5m, 3h, 2d.</summary>
    public static string Span(TimeSpan s) => s.TotalSeconds < 90 ? $"{s.TotalSeconds:0}s" : s.TotalMinutes < 90 ? $"{s.TotalMinutes:0}m"
        : s.TotalHours < 48 ? $"{s.TotalHours:0}h" : $"{s.TotalDays:0}d";
}
