using BorderAlerts.Core.Rules;

namespace BorderAlerts.Core.Delivery;

/// <summary>A card's machine translation: title, summary (may be empty), and the provider that made it.</summary>
public sealed record CardTranslation(string Title, string Summary, string Provider);

/// <summary>A span of the summary to show in bold: a matched term.</summary>
public readonly record struct Highlight(int Start, int Length);

/// <summary>
/// What a team member sees for one alert, independent of the platform: linked title, source, language, published
/// time in UTC and in the source's zone, the source's kind, severity, the rule and every other rule matched with theirs,
/// the matched terms glossed with their concepts' labels, an extractive summary around the hits (original language,
/// hits highlighted), a translate link for non-English items, the story line, and other outlets that reported it.
/// Renderers turn this into a Discord embed or Slack blocks and enforce their limits.
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
    /// <summary>What kind of outlet the source is (feeds.yaml <c>kind:</c>: state media, wire…), if given.</summary>
    public string? SourceKind { get; init; }
    /// <summary>The other rules the item matched, with their severity, highest first; the card's own rule leads.</summary>
    public IReadOnlyList<AlsoMatchedRule> AlsoMatched { get; init; } = [];
    /// <summary>Matched terms as shown, each glossed with its concept's label where that helps (丹東 → Dandong).</summary>
    public IReadOnlyList<string> Terms { get; init; } = [];
    /// <summary>The story line: first report, or how many outlets have reported the story (<see cref="StoryStanding"/>).</summary>
    public string? Story { get; init; }
    public string Summary { get; init; } = "";
    public IReadOnlyList<Highlight> SummaryHighlights { get; init; } = [];
    public Uri? TranslateUrl { get; init; }
    /// <summary>The title and summary machine-translated into the team's language (untrusted text, escaped like feed text).</summary>
    public CardTranslation? Translation { get; init; }
    public IReadOnlyList<string> AlsoReportedBy { get; init; } = [];
    /// <summary>The watchlist entries the item named (a designated vessel, firm or person), as the lists publish them.</summary>
    public IReadOnlyList<CardDesignation> Designations { get; init; } = [];
    /// <summary>A mention chosen in settings for critical rules (a role or @here); never taken from feed text.</summary>
    public string? Mention { get; init; }
}
