using BorderAlerts.Core.Rules;
using BorderAlerts.Core.Rules.Matching;
using BorderAlerts.Core.Rules.Query;

namespace BorderAlerts.Core.Tests.Rules;

public class MatchResultTests
{
    static RuleMatcher Matcher(params (string Id, string Query, Severity Severity)[] rules) => RuleMatcher.Compile(rules
        .Select(r => (new RuleDefinition(r.Id, r.Id, r.Query, r.Severity, ["console"], true), QueryParser.Parse(r.Query))).ToList());

    [Fact]
    public void Matches_come_highest_severity_first_then_by_rule_id()
    {
        var matcher = Matcher(("b", "coal", Severity.Normal), ("a", "丹东", Severity.Normal), ("c", "coal", Severity.High),
            ("d", "trade", Severity.Low), ("e", "NOT iron", Severity.High));
        var ids = matcher.Match(new MatchInput("丹东 coal trade", "")).Select(m => m.RuleId);
        Assert.Equal(["c", "e", "a", "b", "d"], ids);
    }

    [Fact]
    public void An_item_with_hundreds_of_hits_explains_every_one_in_order()
    {
        var matcher = Matcher(("r", "coal OR 丹东", Severity.Normal), ("s", "iron AND steel", Severity.Normal));
        var text = string.Concat(Enumerable.Repeat("丹东 coal iron ", 150));
        var match = matcher.Match(new MatchInput("", text)).Single();
        Assert.Equal("r", match.RuleId);
        Assert.Equal(300, match.Terms.Count);
        Assert.Equal(Enumerable.Range(0, 150).SelectMany(i => new[] { i * 13, i * 13 + 3 }), match.Terms.Select(t => t.Start));
    }

    [Fact]
    public async Task An_explanation_reads_the_same_every_time_and_from_any_thread()
    {
        var matcher = Matcher(("r", "coal OR 丹东", Severity.Normal));
        var match = matcher.Match(new MatchInput("丹东 coal", "more coal from 丹東")).Single();
        matcher.Match(new MatchInput("iron", "nothing here")); // the scan state is reused: the match must not see it
        var elsewhere = await Task.Run(() => match.Terms.Select(t => (t.Field, t.Start, t.Excerpt)).ToList());
        var here = match.Terms.Select(t => (t.Field, t.Start, t.Excerpt)).ToList();
        Assert.Equal(elsewhere, here);
        Assert.Equal([(Fields.Title, 0, "丹东"), (Fields.Title, 3, "coal"), (Fields.Text, 5, "coal"), (Fields.Text, 15, "丹東")], here);
        Assert.Same(match.Terms[0], match.Terms[0]);
    }

    [Theory]
    [InlineData("Turkey parliament to debate expanding powers", "Dollar eases off a 14-year peak as markets brace for a reality check.")]
    [InlineData("Trump™ meets Kim…", "Talks end early…  ﬁnal communiqué due; 丹東 quiet")] // needs NFKC: normalised into a reused buffer
    public void Matching_an_item_that_matches_nothing_allocates_nothing(string title, string text)
    {
        var matcher = Matcher(("r", "coal OR 丹东港 OR \"ship to ship\"", Severity.Normal), ("s", "smuggl* AND NOT sports", Severity.Low));
        var input = new MatchInput(title, text, "en", "feed");
        for (int i = 0; i < 100; i++) Assert.Empty(matcher.Match(input));
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++) matcher.Match(input);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
