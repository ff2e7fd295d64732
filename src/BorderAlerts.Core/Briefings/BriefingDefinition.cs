using BorderAlerts.Core.Feeds;

namespace BorderAlerts.Core.Briefings;

/// <summary>
/// One briefing of config/briefings.yaml: when it is posted (a Quartz cron expression in its time zone), what it covers
/// (the window before the firing, the alerted items matching its query) and where it goes.
/// </summary>
public sealed record BriefingDefinition
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    /// <summary>The fire times; <see cref="ICronSchedule.Expression"/> is the text as the file gives it.</summary>
    public required ICronSchedule Schedule { get; init; }
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;
    public TimeSpan Window { get; init; } = TimeSpan.FromHours(24);
    /// <summary>Only alerted items matching this query; null: every alerted item.</summary>
    public string? Query { get; init; }
    public int Top { get; init; } = 10;
    public required IReadOnlyList<string> To { get; init; }
    public bool Enabled { get; init; } = true;
    /// <summary>The line of the entry in the file, for messages about it.</summary>
    public int Line { get; init; }

    public string Cron => Schedule.Expression;
}
