namespace BorderAlerts.Core.Feedback;

/// <summary>
/// One rule's precision as the team judged its cards: <see cref="Pending"/> alerts are under a day old and unjudged,
/// <see cref="Precision"/> is relevant / (relevant + not relevant), null until something is judged.
/// </summary>
public sealed record RuleFeedbackRow(string Rule, int Alerts, int Relevant, int NotRelevant, int Pending)
{
    public double? Precision => Relevant + NotRelevant == 0 ? null : Math.Round((double)Relevant / (Relevant + NotRelevant), 3);
}

/// <summary>
/// Turns votes into per-rule precision. An alert with a "Not relevant" vote counts against its rule (one analyst's
/// word is enough: the card cost them time); one with none counts as relevant once it has been in the channels a day
/// (silence is assent), or at once when someone took a "Not relevant" back.
/// </summary>
public static class RuleFeedback
{
    public static readonly TimeSpan SilenceIsAssent = TimeSpan.FromDays(1);

    /// <param name="rules">Rules to list even with no alert in the window, so a silent rule shows as such.</param>
    public static IReadOnlyList<RuleFeedbackRow> Tally(IEnumerable<AlertVotes> alerts, IEnumerable<string> rules, DateTimeOffset now)
    {
        var rows = rules.Distinct().ToDictionary(r => r, r => new RuleFeedbackRow(r, 0, 0, 0, 0));
        foreach (var alert in alerts)
        {
            var row = rows.GetValueOrDefault(alert.RuleId) ?? new RuleFeedbackRow(alert.RuleId, 0, 0, 0, 0);
            rows[alert.RuleId] = Judge(alert, now) switch
            {
                Verdict.NotRelevant => row with { Alerts = row.Alerts + 1, NotRelevant = row.NotRelevant + 1 },
                Verdict.Relevant => row with { Alerts = row.Alerts + 1, Relevant = row.Relevant + 1 },
                _ => row with { Alerts = row.Alerts + 1, Pending = row.Pending + 1 },
            };
        }
        return rows.Values.OrderBy(r => r.Precision ?? 2).ThenByDescending(r => r.Alerts).ThenBy(r => r.Rule, StringComparer.Ordinal).ToList();
    }

    /// <summary>How an alert counts now; null while it is under a day old and nobody has said anything.</summary>
    public static Verdict? Judge(AlertVotes alert, DateTimeOffset now) =>
        alert.NotRelevant > 0 ? Verdict.NotRelevant
        : alert.Relevant > 0 || now - alert.CreatedAt >= SilenceIsAssent ? Verdict.Relevant
        : null;
}
