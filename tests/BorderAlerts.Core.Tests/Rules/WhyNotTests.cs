using BorderAlerts.Core.Rules;
using BorderAlerts.Core.Rules.Diagnosis;
using BorderAlerts.Core.Rules.Matching;

namespace BorderAlerts.Core.Tests.Rules;

public class WhyNotTests
{
    static readonly RuleSet Set = RuleSet.Compile(RulesFile.Parse("""
        concepts:
          dandong: [Dandong, 丹东, 丹東]
          smuggling: [smuggl*, 走私]
          seizure: [seize*, 查获]
          sports: [FIFA]
        rules:
          - id: border-seizure
            query: '@seizure AND (@smuggling OR coal) AND title:@dandong AND NOT @sports'
        """, "rules.yaml"));

    static RuleDiagnosis Diagnose(string title, string text = "") =>
        WhyNot.Diagnose(Set.Rules[0], Set.Concepts, new MatchInput(title, text));

    [Fact]
    public void A_text_that_matches_says_so_with_every_part_held()
    {
        var d = Diagnose("丹東海關查獲走私煤炭");
        Assert.True(d.Matched);
        Assert.Empty(d.Failures);
        Assert.All(d.Check.Parts, part => Assert.True(part.Held));
        Assert.Equal(["查獲"], d.Check.Parts[0].Found); // the text as written, where the rule's term is 查获
        Assert.Equal(["走私"], d.Check.Parts[1].Parts[0].Found);
        Assert.StartsWith("border-seizure matches.", WhyNot.Describe(d));
    }

    [Fact]
    public void A_text_that_does_not_match_names_the_failed_parts_and_what_it_did_find()
    {
        var d = Diagnose("Dandong customs seize coal", "");
        Assert.True(d.Matched);
        d = Diagnose("Dandong customs inspect coal");
        Assert.False(d.Matched);
        Assert.Equal(["@seizure"], d.Failures.Select(f => f.Part));
        Assert.Equal(["Dandong"], d.Check.Parts[2].Found);
        Assert.Equal(["dandong"], d.Concepts.Select(c => c.Concept));
        var text = WhyNot.Describe(d);
        Assert.Contains("Failed: @seizure (not found)", text);
        Assert.Contains("✓ title:@dandong: Dandong", text);
        Assert.Contains("Concepts in the text: @dandong (Dandong)", text);
    }

    [Fact]
    public void A_veto_that_fired_is_named_with_the_text_that_fired_it_and_a_field_scope_is_respected()
    {
        var d = Diagnose("FIFA seizes smuggled shirts in Dandong");
        Assert.False(d.Matched);
        Assert.Equal(["NOT @sports"], d.Failures.Select(f => f.Part));
        Assert.Contains("Failed: NOT @sports (the text has FIFA)", WhyNot.Describe(d));
        var scoped = Diagnose("Customs seize smuggled coal", "near Dandong");
        Assert.Equal(["title:@dandong"], scoped.Failures.Select(f => f.Part));
    }

    [Fact]
    public void The_query_is_written_back_as_the_language_reads()
    {
        var d = Diagnose("nothing");
        Assert.Equal("@seizure AND (@smuggling OR coal) AND title:@dandong AND NOT @sports", d.Check.Part);
        Assert.Equal(3, d.Failures.Count);
        Assert.Equal("No concept of the rules file occurs in the text.", WhyNot.DescribeConcepts(d.Concepts));
    }
}
