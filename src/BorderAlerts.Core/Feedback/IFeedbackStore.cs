namespace BorderAlerts.Core.Feedback;

/// <summary>What a team member said about one alert's card: it was not relevant, or (taking that back) it was.</summary>
public enum Verdict { NotRelevant, Relevant }

/// <summary>One person's vote on one alert; a later vote by the same person on the same alert replaces it.</summary>
/// <param name="Platform">discord or slack.</param>
public sealed record FeedbackVote(long AlertId, string Platform, string UserId, Verdict Verdict, DateTimeOffset At);

/// <summary>An alert as a vote or a mute from its card needs it: its rule and its item's title.</summary>
public sealed record VotedAlert(long AlertId, string RuleId, string Title);

/// <summary>A sent alert and the current votes on it, for the per-rule tally.</summary>
public sealed record AlertVotes(long AlertId, string RuleId, DateTimeOffset CreatedAt, int NotRelevant, int Relevant);

/// <summary>Votes from the buttons on cards, kept per alert and person.</summary>
public interface IFeedbackStore
{
    /// <summary>The alert a button names, or null when there is none by that id (a forged or very old button).</summary>
    Task<VotedAlert?> AlertAsync(long alertId, CancellationToken cancellationToken);

    /// <summary>Keeps the vote; the same person's earlier vote on the same alert is replaced.</summary>
    Task RecordAsync(FeedbackVote vote, CancellationToken cancellationToken);

    /// <summary>Alerts raised since <paramref name="since"/> that reached at least one destination, with their votes.</summary>
    Task<IReadOnlyList<AlertVotes>> SentSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);
}
