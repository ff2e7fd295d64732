using BorderAlerts.Core.Rules;

namespace BorderAlerts.Core.Delivery;

/// <summary>A span of the summary to show in bold: a matched term.</summary>
public readonly record struct Highlight(int Start, int Length);

/// <summary>
/// What a team member sees for one alert, independent of the platform: linked title, source, language, published
/// time in UTC and in the source's zone, severity, the rule and its matched terms, an extractive summary around the
/// hits (original language, hits highlighted), a translate link for non-English items, and other outlets that
/// reported the same story. Renderers turn this into a Discord embed or Slack blocks and enforce their limits.
/// </summary>
public sealed record AlertCard
{
    public required long AlertId { get; init; }
    public required string Title { get; init; }
    public Uri? Url { get; init; }
    public required string SourceId { get; init; }
    public required string SourceName { get; init; }
    public string? Language { get; init; }
    public DateTimeOffset? PublishedUtc { get; init; }
    public DateTimeOffset? PublishedLocal { get; init; }
    public required Severity Severity { get; init; }
    public required string RuleId { get; init; }
    public required string RuleName { get; init; }
    /// <summary>The other rules the item matched (ids, highest severity first); the card's own rule leads.</summary>
    public IReadOnlyList<string> AlsoMatched { get; init; } = [];
    public IReadOnlyList<string> Terms { get; init; } = [];
    public string Summary { get; init; } = "";
    public IReadOnlyList<Highlight> SummaryHighlights { get; init; } = [];
    public Uri? TranslateUrl { get; init; }
    public IReadOnlyList<string> AlsoReportedBy { get; init; } = [];
    /// <summary>A mention chosen in settings for critical rules (a role or @here); never taken from feed text.</summary>
    public string? Mention { get; init; }
}
