namespace BorderAlerts.Core.Delivery;

/// <summary>
/// A report for a chat destination, platform-free: a title, a one-paragraph summary, headed sections of lines, a footer and
/// an optional PNG. Every text but the headings may hold feed text, so each platform escapes all of it; each cuts to its limits.
/// </summary>
public sealed record ChatReport(string Title, string Summary, IReadOnlyList<ReportSection> Sections, string Footer, ReportImage? Image);

/// <summary>
/// A heading and its lines (a rule's top stories; counts by source). A <see cref="Pinned"/> section (the counts) gets its
/// room first where a platform's limits are tight; the others' lines show as many as fit, the rest counted.
/// </summary>
public sealed record ReportSection(string Heading, IReadOnlyList<ReportLine> Lines, bool Pinned = false);

/// <summary>One line: a text (a title), linked when <see cref="Link"/> is set, and details after it (source, outlets, translation).</summary>
public sealed record ReportLine(string Text, Uri? Link = null, string? Detail = null);

/// <summary>An image to attach; <see cref="Description"/> is its alternative text.</summary>
public sealed record ReportImage(string FileName, byte[] Png, string Description);
