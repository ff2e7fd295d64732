using BorderAlerts.Core.Items;
using BorderAlerts.Core.Parsing;
using BorderAlerts.Core.Rules;
using BorderAlerts.Core.Rules.Matching;

namespace BorderAlerts.Core.Tests.Items;

/// <summary>What the stores do with a poll's items, decided without a store: new, sighting, promotion, alert.</summary>
public class PollTriageTests
{
    static readonly DateTimeOffset At = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    static readonly RuleMatcher Matcher = RuleSet.Compile(RulesFile.Parse("rules:\n  - id: r\n    query: 丹东\n", "rules.yaml")).Matcher;

    static CandidateItem Candidate(string title, params string[] keys) => new(new ParsedItem(null, title, null, "", null), keys, title)
    {
        Matches = Matcher.Match(new MatchInput(title, "")),
    };

    static PollTriage Decide(IReadOnlyList<CandidateItem> items, Dictionary<string, KnownItem>? known = null, long[]? sighted = null, bool seeded = true) =>
        PollTriage.Decide(items, known ?? [], new HashSet<long>(sighted ?? []), seeded, At);

    [Fact]
    public void New_items_of_a_seeded_feed_alert_when_a_rule_matched_and_a_seeding_poll_records_them_quietly()
    {
        var items = new[] { Candidate("丹东口岸", "a"), Candidate("Seoul weather", "b") };
        var seeded = Decide(items);
        Assert.Equal(2, seeded.NewItems);
        Assert.Equal([true, false], seeded.Items.Select(t => t.Alert));
        Assert.All(seeded.Items, t => Assert.True(t.Item.IsNew && t.FirstSighting));
        Assert.All(Decide(items, seeded: false).Items, t => Assert.False(t.Alert));
    }

    [Fact]
    public void The_same_item_twice_in_one_poll_is_one_new_item_and_its_second_keys_join_it()
    {
        var triage = Decide([Candidate("丹东口岸", "guid:1", "url:x"), Candidate("丹东口岸 (repost)", "url:x", "hash:y")]);
        Assert.Equal(1, triage.NewItems);
        Assert.Equal([true, false], triage.Items.Select(t => t.FirstSighting));
        Assert.Equal([true, false], triage.Items.Select(t => t.Alert));
        Assert.Equal(["guid:1", "url:x", "hash:y"], triage.NewKeys.Select(k => k.Key));
        Assert.All(triage.NewKeys, k => Assert.Equal(ItemRef.New(0), k.Item));
    }

    [Fact]
    public void A_known_item_is_a_sighting_that_alerts_only_when_promoted()
    {
        var recentQuiet = new KnownItem(7, Alertable: false, FirstSeen: At.AddMinutes(-30));
        var oldQuiet = new KnownItem(8, Alertable: false, FirstSeen: At.AddHours(-3));
        var alerted = new KnownItem(9, Alertable: true, FirstSeen: At.AddMinutes(-30));
        var known = new Dictionary<string, KnownItem> { ["k7"] = recentQuiet, ["k8"] = oldQuiet, ["k9"] = alerted };

        var triage = Decide([Candidate("丹东 a", "k7", "extra"), Candidate("丹东 b", "k8"), Candidate("丹东 c", "k9")], known);

        Assert.Equal(0, triage.NewItems);
        Assert.Equal([true, false, false], triage.Items.Select(t => t.Promote)); // recorded by another feed's seeding within the hour
        Assert.Equal([true, false, false], triage.Items.Select(t => t.Alert)); // an item alerted once is a sighting here
        Assert.Equal([("extra", ItemRef.Known(7))], triage.NewKeys);
    }

    [Fact]
    public void An_item_this_feed_has_seen_before_is_neither_a_first_sighting_nor_promoted()
    {
        var known = new Dictionary<string, KnownItem> { ["k7"] = new(7, false, At.AddMinutes(-5)) };
        var triage = Decide([Candidate("丹东", "k7")], known, sighted: [7]);
        Assert.False(triage.Items[0].FirstSighting);
        Assert.False(triage.Items[0].Promote);
        Assert.False(triage.Items[0].Alert);
    }

    [Fact]
    public void Only_candidates_that_could_alert_are_matched_known_ones_and_a_seeding_poll_are_not()
    {
        static CandidateItem Lazy(string title, params string[] keys) => new(new ParsedItem(null, title, null, "", null), keys, title)
        {
            MatchOnDemand = () => Matcher.Match(new MatchInput(title, "")),
        };
        var known = new Dictionary<string, KnownItem>
        {
            ["alerted"] = new(1, Alertable: true, FirstSeen: At.AddMinutes(-5)),
            ["quiet"] = new(2, Alertable: false, FirstSeen: At.AddMinutes(-5)),
            ["sighted"] = new(3, Alertable: false, FirstSeen: At.AddMinutes(-5)),
        };
        var items = new[] { Lazy("丹东 new", "new"), Lazy("丹东 known", "alerted"), Lazy("丹东 quiet", "quiet"), Lazy("丹东 seen", "sighted"), Lazy("丹东 again", "new") };

        var triage = Decide(items, known, sighted: [3]);

        Assert.Equal([true, false, true, false, false], items.Select(c => c.Matched)); // new, and the promotable one
        Assert.Equal([true, false, true, false, false], triage.Items.Select(t => t.Alert));
        var seeding = new[] { Lazy("丹东 new", "new") };
        Assert.All(Decide(seeding, seeded: false).Items, t => Assert.False(t.Alert));
        Assert.False(seeding[0].Matched);
    }
}
