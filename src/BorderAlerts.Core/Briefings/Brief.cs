using BorderAlerts.Core.Rules;

namespace BorderAlerts.Core.Briefings;

/// <summary>
/// What one briefing says about its window: the top stories grouped by rule, counts by source and language, and the
/// alert volume over the window and the period before it. <see cref="Quiet"/> when nothing alerted.
/// </summary>
public sealed record Brief(string BriefingId, string Name, DateTimeOffset From, DateTimeOffset To, TimeZoneInfo TimeZone, int Items, int Stories,
    IReadOnlyList<BriefGroup> Groups, IReadOnlyList<BriefCount> Sources, IReadOnlyList<BriefCount> Languages, VolumeSeries Volume)
{
    public bool Quiet => Items == 0;
}

/// <summary>The top stories filed under one rule (the rule of the story's lead item with the highest severity).</summary>
public sealed record BriefGroup(string RuleId, string RuleName, IReadOnlyList<BriefStory> Stories);

/// <summary>
/// One story of the window: its lead item (the most severe, then the earliest), how many outlets carried it, its latest
/// alert. <see cref="TranslatedTitle"/> is the kept machine translation of the lead's title.
/// </summary>
public sealed record BriefStory(string Title, string? TranslatedTitle, Uri? Url, string Source, string? Language, Severity Severity,
    int Outlets, int Reports, DateTimeOffset Latest);

/// <summary>A name (a source id, a language) and how many of the window's alerted items it had.</summary>
public sealed record BriefCount(string Name, int Items);
