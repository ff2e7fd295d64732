using BorderAlerts.Core.Delivery;

namespace BorderAlerts.Chat;

/// <summary>
/// Fits a report into a platform's limits without losing anything silently: the pinned sections (a brief's counts) get
/// their room first, and so does a "… N more stories" note; then the other sections' lines in order, each as it fits (a
/// line whose link does not fit goes without it), the lines that fit nowhere counted for the note.
/// </summary>
public static class ReportLayout
{
    /// <summary>
    /// A platform's limits: how many parts (fields, blocks) the sections may take, a part's body given its rendered
    /// heading, the characters of all parts together, and what the note costs.
    /// </summary>
    public sealed record Limits(int MaxParts, Func<string, int> MaxBody, int Budget, int NoteCost);

    public sealed record Part(string Heading, string Body);

    /// <summary>The sections' parts in order, how many lines were left out, and the pinned parts that close the report.</summary>
    public sealed record Layout(IReadOnlyList<Part> Parts, int Omitted, IReadOnlyList<Part> Pinned);

    /// <summary>
    /// <paramref name="heading"/> renders a section's heading; <paramref name="line"/> renders a line within a number of
    /// characters (falling back to a shorter form, e.g. without its link) or gives null when it cannot.
    /// </summary>
    public static Layout Fit(ChatReport report, Limits limits, Func<string, string> heading, Func<ReportLine, int, string?> line)
    {
        var pinned = report.Sections.Where(s => s.Pinned).Select(s => Pinned(s, limits, heading, line)).Where(p => p.Body.Length > 0).ToList();
        var budget = limits.Budget - limits.NoteCost - pinned.Sum(p => p.Heading.Length + p.Body.Length);
        var slots = limits.MaxParts - pinned.Count - 1;
        var parts = new List<Part>();
        int omitted = 0;
        foreach (var section in report.Sections.Where(s => !s.Pinned))
        {
            var name = heading(section.Heading);
            var body = new List<string>();
            int used = name.Length - 1; // the heading, and no line break before the first line
            foreach (var text in section.Lines)
            {
                int room = Math.Min(limits.MaxBody(name) - (used - name.Length + 1), budget - used - 1);
                var rendered = body.Count == 0 && parts.Count >= slots ? null : line(text, room);
                if (rendered is null) { omitted++; continue; }
                body.Add(rendered);
                used += rendered.Length + 1;
            }
            if (body.Count == 0) continue;
            parts.Add(new Part(name, string.Join('\n', body)));
            budget -= used;
        }
        return new Layout(parts, omitted, pinned);
    }

    /// <summary>"… 3 more stories".</summary>
    public static string More(int omitted) => $"… {omitted} more {(omitted == 1 ? "story" : "stories")}";

    /// <summary>A pinned section: its lines as they fit the part (counts are short lines of ours).</summary>
    static Part Pinned(ReportSection section, Limits limits, Func<string, string> heading, Func<ReportLine, int, string?> line)
    {
        var name = heading(section.Heading);
        var body = new List<string>();
        var room = limits.MaxBody(name);
        foreach (var text in section.Lines)
            if (line(text, room - body.Sum(b => b.Length + 1)) is { } rendered) body.Add(rendered);
        return new Part(name, string.Join('\n', body));
    }
}
