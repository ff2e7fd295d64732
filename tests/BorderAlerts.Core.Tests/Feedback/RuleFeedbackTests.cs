using BorderAlerts.Core.Feedback;

namespace BorderAlerts.Core.Tests.Feedback;

/// <summary>Votes become per-rule precision: a "not relevant" counts against, silence for a day counts for.</summary>
public class RuleFeedbackTests
{
    static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    static AlertVotes Alert(string rule, TimeSpan age, int notRelevant = 0, int relevant = 0) =>
        new(Random.Shared.NextInt64(1, long.MaxValue), rule, Now - age, notRelevant, relevant);

    [Fact]
    public void An_alert_counts_against_its_rule_when_marked_for_it_after_a_day_of_silence_and_is_pending_before()
    {
        var rows = RuleFeedback.Tally([
            Alert("coal", TimeSpan.FromHours(30)),                                  // silent for a day: relevant
            Alert("coal", TimeSpan.FromHours(2), notRelevant: 1),                   // marked: not relevant at once
            Alert("coal", TimeSpan.FromHours(30), notRelevant: 1, relevant: 2),     // one "not relevant" outweighs others' "relevant"
            Alert("coal", TimeSpan.FromHours(2)),                                   // under a day, unjudged: pending
            Alert("coal", TimeSpan.FromHours(2), relevant: 1),                      // taken back: relevant at once
            Alert("bridge", TimeSpan.FromDays(1)),                                  // exactly a day: relevant
        ], [], Now);

        Assert.Equal([new RuleFeedbackRow("coal", 5, 2, 2, 1), new RuleFeedbackRow("bridge", 1, 1, 0, 0)], rows);
        Assert.Equal([0.5, 1.0], rows.Select(r => r.Precision));
    }

    [Fact]
    public void Rules_without_alerts_are_listed_unjudged_and_rules_no_longer_configured_still_count()
    {
        var rows = RuleFeedback.Tally([Alert("removed-rule", TimeSpan.FromDays(2), notRelevant: 1)], ["quiet", "removed-rule"], Now);

        Assert.Equal([new RuleFeedbackRow("removed-rule", 1, 0, 1, 0), new RuleFeedbackRow("quiet", 0, 0, 0, 0)], rows);
        Assert.Null(rows[1].Precision);
    }

    [Fact]
    public void Precision_is_rounded_to_three_places()
    {
        var rows = RuleFeedback.Tally([Alert("r", TimeSpan.FromDays(2)), Alert("r", TimeSpan.FromDays(2)), Alert("r", TimeSpan.FromDays(2), notRelevant: 1)], [], Now);
        Assert.Equal(0.667, Assert.Single(rows).Precision);
    }
}
