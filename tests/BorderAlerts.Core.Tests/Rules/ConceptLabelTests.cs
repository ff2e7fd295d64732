using BorderAlerts.Core.Config;
using BorderAlerts.Core.Rules;
using BorderAlerts.Core.Rules.Matching;

namespace BorderAlerts.Core.Tests.Rules;

/// <summary>A concept's label (rules.yaml), and the concept each matched term came from, for glossed cards.</summary>
public class ConceptLabelTests
{
    const string Yaml = """
        concepts:
          dandong:
            label: Dandong
            aliases: [丹东, 丹東, 단둥]
          sinuiju: { label: "Sinŭiju", aliases: [新义州, 신의주] }
          smuggling: [smuggl*, 走私, Smuggling, 밀수]
          coal: [煤炭, 석탄]
        rules:
          - id: border
            query: '(@dandong OR @sinuiju) AND (@smuggling OR @coal OR 查获)'
        """;

    [Fact]
    public void A_concept_is_a_list_of_aliases_or_a_mapping_with_a_label()
    {
        var document = RulesFile.Parse(Yaml, "rules.yaml");
        Assert.Equal(["丹东", "丹東", "단둥"], document.Concepts["dandong"]);
        Assert.Equal(["新义州", "신의주"], document.Concepts["sinuiju"]);
        Assert.Equal(["smuggl*", "走私", "Smuggling", "밀수"], document.Concepts["smuggling"]);
        var labels = RuleSet.Compile(document).ConceptLabels;
        Assert.Equal("Dandong", labels["dandong"]);
        Assert.Equal("Sinŭiju", labels["sinuiju"]);
        Assert.Equal("Smuggling", labels["smuggling"]); // the first Latin alias that is not a wildcard
        Assert.False(labels.ContainsKey("coal")); // no Latin alias: no label, so no gloss
    }

    [Fact]
    public void The_shipped_pack_labels_places_by_their_Latin_names_and_topics_by_a_label_of_their_own()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "../../../../../config/rules.yaml");
        var labels = RuleSet.Compile(RulesFile.Load(path)).ConceptLabels;
        Assert.Equal("Dandong", labels["dandong"]);
        Assert.Equal("North Korea", labels["dprk"]);
        Assert.Equal("China", labels["china"]);
        Assert.Equal("sanctions", labels["sanctions"]); // set where the first Latin alias would mislead (制裁 → Security Council resolution)
        Assert.Equal("China–DPRK border", labels["border"]);
        Assert.Equal("North Korea (its own name)", labels["dprk_selfname"]);
    }

    [Theory]
    [InlineData("concepts:\n  dandong: { label: Dandong }\n", 2, "concepts.dandong.aliases", "is required")]
    [InlineData("concepts:\n  dandong: { label: Dandong, aliases: [] }\n", 2, "concepts.dandong.aliases", "has no aliases")]
    [InlineData("concepts:\n  dandong:\n    label: ''\n    aliases: [丹东]\n", 3, "concepts.dandong.label", "is empty")]
    [InlineData("concepts:\n  dandong:\n    label: [Dandong]\n    aliases: [丹东]\n", 3, "concepts.dandong.label", "expected a single value")]
    [InlineData("concepts:\n  dandong:\n    name: Dandong\n    aliases: [丹东]\n", 3, "concepts.dandong.name", "unknown field")]
    [InlineData("concepts:\n  dandong:\n    label: Dandong\n    aliases: 丹东\n", 4, "concepts.dandong.aliases", "expected a list of aliases")]
    [InlineData("concepts:\n  dandong: Dandong\n", 2, "concepts.dandong", "expected a list of aliases or { label")]
    public void A_bad_concept_names_file_line_and_field(string yaml, int line, string field, string problem)
    {
        var error = Assert.Throws<ConfigException>(() => RulesFile.Parse(yaml, "config/rules.yaml"));
        Assert.Equal(("config/rules.yaml", line, field), (error.File, error.Line, error.Field));
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void Each_matched_term_names_its_concept_and_a_rules_literal_word_names_none()
    {
        var rules = RuleSet.Compile(RulesFile.Parse(Yaml, "rules.yaml"));
        var match = rules.Matcher.Match(new MatchInput("丹東海關查获走私煤炭", "")).Single();
        Assert.Equal([("丹東", "dandong"), ("查获", null), ("走私", "smuggling"), ("煤炭", "coal")],
            match.Terms.Select(t => (t.Excerpt, t.Concept)));
    }

    [Theory]
    [InlineData("丹東", "Dandong", "丹東 → Dandong")]
    [InlineData("DANDONG", "Dandong", "DANDONG")] // Latin and the label once folded: nothing to add
    [InlineData("Sinuiju", "Sinŭiju", "Sinuiju")]
    [InlineData("smuggled", "Smuggling", "smuggled → Smuggling")]
    [InlineData("走私", null, "走私")]
    public void A_term_is_glossed_with_its_label_unless_it_is_the_label(string excerpt, string? label, string shown) =>
        Assert.Equal(shown, ConceptLabels.Gloss(excerpt, label));
}
