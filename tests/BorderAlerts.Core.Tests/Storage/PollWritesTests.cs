using BorderAlerts.Core.Items;
using BorderAlerts.Core.Parsing;
using BorderAlerts.Core.Rules;
using BorderAlerts.Core.Rules.Matching;
using BorderAlerts.Core.Storage;

namespace BorderAlerts.Core.Tests.Storage;

/// <summary>The rows a poll's triage has both stores write, and the commit they report, decided without a store.</summary>
public class PollWritesTests
{
    static readonly DateTimeOffset At = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    static readonly RuleMatcher Matcher = RuleSet.Compile(RulesFile.Parse("rules:\n  - id: r\n    query: 丹东\n", "rules.yaml")).Matcher;

    static CandidateItem Candidate(string title, params string[] keys) => new(new ParsedItem(null, title, null, "", null), keys, title)
    {
        Matches = Matcher.Match(new MatchInput(title, "")),
    };

    static PollWrites Writes(IReadOnlyList<CandidateItem> items, Dictionary<string, KnownItem>? known = null, bool seeded = true)
    {
        var completion = new PollCompletion("feed", At, PollStatus.Fetched, At.AddMinutes(5)) { Items = items, AlertOnNew = seeded, Language = "zh" };
        return new PollWrites(completion, PollTriage.Decide(items, known ?? [], new HashSet<long>(), seeded, At));
    }

    [Fact]
    public void New_items_are_written_once_under_the_ids_the_store_gives_them_and_every_row_names_those_ids()
    {
        var writes = Writes([Candidate("丹东口岸", "a1", "a2"), Candidate("丹东口岸 (repost)", "a2", "a3"), Candidate("Seoul weather", "c")]);
        Assert.Equal(["丹东口岸", "Seoul weather"], writes.Fresh.Select(t => t.Candidate.Item.Title));
        writes.Assign(writes.Fresh[0].Item, 100);
        writes.Assign(writes.Fresh[1].Item, 101);

        Assert.Equal([("a1", 100L), ("a2", 100L), ("a3", 100L), ("c", 101L)], writes.Keys);
        Assert.Equal([100L, 101L], writes.Sightings);
        Assert.Empty(writes.Promotions);
        var (alerting, candidate) = Assert.Single(writes.Alerting);
        Assert.Equal((100L, "feed", "zh", true), (alerting.Id, alerting.FeedId, alerting.Language, alerting.Alertable));
        Assert.Same(writes.Fresh[0].Candidate, candidate);

        var commit = writes.Commit([]);
        Assert.Equal([100L, 101L], commit.NewItems.Select(i => i.Id));
        Assert.Equal(1, commit.Seen); // the repost is a sighting of the first item
    }

    [Fact]
    public void A_seeding_poll_stores_its_new_items_quiet_and_alerts_nothing()
    {
        var writes = Writes([Candidate("丹东口岸", "a")], seeded: false);
        writes.Assign(writes.Fresh[0].Item, 5);
        Assert.Empty(writes.Alerting);
        Assert.All(writes.Commit([]).NewItems, item => Assert.False(item.Alertable));
    }

    [Fact]
    public void A_known_item_keeps_its_id_and_a_promoted_one_alerts_under_it()
    {
        var known = new Dictionary<string, KnownItem> { ["k7"] = new(7, Alertable: false, FirstSeen: At.AddMinutes(-30)) };
        var writes = Writes([Candidate("丹东 a", "k7", "extra")], known);

        Assert.Empty(writes.Fresh);
        Assert.Equal([("extra", 7L)], writes.Keys);
        Assert.Equal([7L], writes.Sightings);
        Assert.Equal([7L], writes.Promotions);
        Assert.Equal([7L], writes.Alerting.Select(a => a.Item.Id));
        var commit = writes.Commit([]);
        Assert.Empty(commit.NewItems);
        Assert.Equal(1, commit.Seen);
    }
}
