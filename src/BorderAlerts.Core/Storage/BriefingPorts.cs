using BorderAlerts.Core.Rules;

namespace BorderAlerts.Core.Storage;

/// <summary>
/// One alert of a briefing's period, with its item: what the brief ranks, groups and counts. <see cref="Feeds"/> are the
/// feeds that carried the item (its sightings); <see cref="TranslatedTitle"/> the kept machine translation, if any.
/// </summary>
public sealed record BriefingAlert(long ItemId, string RuleId, string RuleName, Severity Severity, DateTimeOffset AlertedAt,
    string Title, Uri? Url, string Text, string? Language, DateTimeOffset? Published, string FeedId, long? StoryId,
    IReadOnlyList<string> Feeds, string? TranslatedTitle);

/// <summary>How a briefing's firing ended: posted everywhere, posted nowhere or only somewhere (dead-lettered), or still running.</summary>
public enum BriefingOutcome { Running, Posted, Failed }

/// <summary>One firing of a briefing as the store records it.</summary>
public sealed record BriefingRun(string BriefingId, DateTimeOffset FireTime, DateTimeOffset StartedAt, BriefingOutcome Outcome,
    DateTimeOffset? FinishedAt, string? Error)
{
    /// <summary>How long a claim holds: a firing still running after this (its instance died) can be taken over.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(30);
}

/// <summary>The alerts a briefing covers, read from the store.</summary>
public interface IBriefingAlerts
{
    /// <summary>
    /// Every alert created in [<paramref name="from"/>, <paramref name="to"/>), oldest first, with titles translated into
    /// <paramref name="language"/> where kept; the items' text (empty without <paramref name="withText"/>) only matters to a query.
    /// </summary>
    Task<IReadOnlyList<BriefingAlert>> AlertsAsync(DateTimeOffset from, DateTimeOffset to, string? language, CancellationToken cancellationToken,
        bool withText = true);
}

/// <summary>One record per briefing firing, so a firing runs once across instances, and `briefings list` shows the last one.</summary>
public interface IBriefingRuns
{
    /// <summary>
    /// Records that a firing starts; false when that firing (briefing and fire time) was already taken, by any instance,
    /// unless it is still running since more than <paramref name="staleAfter"/> (default <see cref="BriefingRun.Lease"/>): then it is taken over.
    /// </summary>
    Task<bool> ClaimAsync(string briefingId, DateTimeOffset fireTime, DateTimeOffset now, CancellationToken cancellationToken, TimeSpan? staleAfter = null);

    Task FinishAsync(string briefingId, DateTimeOffset fireTime, BriefingOutcome outcome, string? error, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Each briefing's latest firing, by briefing id.</summary>
    Task<IReadOnlyDictionary<string, BriefingRun>> LastRunsAsync(CancellationToken cancellationToken);
}
