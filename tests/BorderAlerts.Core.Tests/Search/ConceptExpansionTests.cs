using BorderAlerts.Core.Rules;
using BorderAlerts.Core.Rules.Matching;
using BorderAlerts.Core.Rules.Query;
using BorderAlerts.Core.Search;

namespace BorderAlerts.Core.Tests.Search;

/// <summary>Search across languages: which words of a search stand for a whole concept, and which stay as typed.</summary>
public sealed class ConceptExpansionTests
{
    static readonly Dictionary<string, IReadOnlyList<string>> Concepts = new()
    {
        ["dandong"] = ["Dandong", "丹东", "丹東", "단둥"],
        ["dprk"] = ["North Korea", "North Korean", "DPRK", "北朝鲜", "북한", "露朝"],
        ["korea"] = ["Korea", "韩国"],
        ["russia"] = ["Russia", "露朝"],
        ["sanctions"] = ["sanction*", "制裁", "제재"],
        ["border"] = ["Dandong", "丹东", "丹東", "단둥", "Yalu", "鸭绿江"], // a category holding every alias of dandong
        ["broken"] = ["Sinuiju", "·"], // "·" folds to nothing: the concept does not parse
    };

    static (string Query, string Expanded) Expand(string query)
    {
        var result = ConceptExpansion.Parse(query, Concepts);
        return (Show(result.Query), string.Join(", ", result.Expanded.Select(e => $"{e.Term}→{e.Concept}")));
    }

    [Theory]
    [InlineData("Dandong")]
    [InlineData("dandong")]
    [InlineData("DANDONG")]
    [InlineData("ＤＡＮＤＯＮＧ")]
    [InlineData("丹東")]
    [InlineData("丹东")]
    [InlineData("단둥")]
    public void A_word_is_an_alias_whatever_its_case_width_or_script(string word) =>
        Assert.Equal(("@dandong", $"{word}→dandong"), Expand(word));

    [Theory]
    [InlineData("North Korea sanctions", "(@dprk AND @sanctions)", "North Korea→dprk, sanctions→sanctions")]
    [InlineData("north  korean", "@dprk", "north  korean→dprk")]
    [InlineData("South Korea", "(south AND @korea)", "Korea→korea")]
    [InlineData("Korea North", "(@korea AND north)", "Korea→korea")]
    public void The_longest_run_of_words_that_is_an_alias_wins(string query, string expected, string expanded) =>
        Assert.Equal((expected, expanded), Expand(query));

    [Theory]
    [InlineData("\"Dandong\"", "dandong")]
    [InlineData("\"North Korea\" 制裁", "(north korea AND @sanctions)")]
    [InlineData("\"丹東\"", "丹东")]
    public void A_quoted_word_or_phrase_stays_literal(string query, string expected) =>
        Assert.Equal(expected, Expand(query).Query);

    [Fact]
    public void An_alias_of_several_concepts_searches_their_union() =>
        Assert.Equal(("(@dprk OR @russia)", "露朝→dprk, 露朝→russia"), Expand("露朝"));

    [Theory]
    [InlineData("Dandong", "@dandong")]
    [InlineData("Yalu", "yalu")]
    [InlineData("@border", "@border")]
    public void A_category_holding_every_alias_of_another_concept_is_never_what_a_plain_word_searches(string query, string expected) =>
        Assert.Equal(expected, Expand(query).Query);

    [Theory]
    [InlineData("Dandong OR Russia", "(@dandong OR @russia)")]
    [InlineData("NOT North Korea", "(NOT north AND @korea)")] // NOT takes North alone
    [InlineData("title:Dandong", "title:@dandong")]
    [InlineData("title:North Korea", "(title:north AND @korea)")] // title: scopes North alone
    [InlineData("text:露朝", "(text:@dprk OR text:@russia)")]
    [InlineData("North AND Korea", "(north AND @korea)")] // an explicit AND ends a phrase
    [InlineData("(North) Korea", "(north AND @korea)")]
    [InlineData("@dandong Korea", "(@dandong AND @korea)")]
    public void Operators_and_scopes_keep_their_meaning(string query, string expected) =>
        Assert.Equal(expected, Expand(query).Query);

    [Theory]
    [InlineData("Dandong -丹东 -단둥", "(@dandong AND NOT 丹东 AND NOT 단둥)")]
    [InlineData("-Dandong 制裁", "(NOT dandong AND @sanctions)")]
    [InlineData("NOT (Dandong OR 露朝) Korea", "(NOT (dandong OR 露朝) AND @korea)")]
    [InlineData("-title:Dandong", "NOT title:dandong")]
    [InlineData("NOT ((Dandong) 丹东) (丹东)", "(NOT (dandong AND 丹东) AND @dandong)")]
    public void What_NOT_excludes_stays_as_typed(string query, string expected) =>
        Assert.Equal(expected, Expand(query).Query);

    [Theory]
    [InlineData("/Dandong/", "/Dandong/")]
    [InlineData("source:dandong", "source:dandong")]
    [InlineData("lang:korea", "lang:korea")]
    [InlineData("Dandong*", "dandong*")]
    [InlineData("Sinuiju", "sinuiju")] // the broken concept is not used
    [InlineData("Dandong市", "dandong市")]
    public void Regexes_filter_values_and_words_that_are_no_alias_stay_literal(string query, string expected) =>
        Assert.Equal((expected, ""), Expand(query));

    [Theory]
    [InlineData("sanction")]
    [InlineData("sanctions")]
    [InlineData("Sanctioned")]
    [InlineData("sanction*")]
    public void A_word_a_prefix_alias_matches_is_that_alias(string word) =>
        Assert.Equal("@sanctions", Expand(word).Query);

    [Theory]
    [InlineData("Dandong AND (", 14)]
    [InlineData("North Korea OR", 15)]
    public void A_bad_query_is_reported_at_the_column_the_searcher_typed(string query, int column)
    {
        var plain = Assert.Throws<QuerySyntaxException>(() => QueryParser.Parse(query, Concepts));
        var widened = Assert.Throws<QuerySyntaxException>(() => ConceptExpansion.Parse(query, Concepts));
        Assert.Equal((column, plain.Problem), (widened.Column, widened.Problem));
    }

    [Theory]
    [InlineData("Dandong", "Dandong→dandong")]
    [InlineData("North Korea sanctions", "North Korea→dprk, sanctions→sanctions")]
    [InlineData("露朝", "露朝→dprk_selfname, 露朝→russia")]
    public void The_default_rule_pack_widens_the_issue_examples(string query, string expanded)
    {
        var concepts = RulesFile.Load(Path.Combine(AppContext.BaseDirectory, "../../../../../config/rules.yaml")).Concepts;
        Assert.Equal(expanded, string.Join(", ", ConceptExpansion.Parse(query, concepts).Expanded.Select(e => $"{e.Term}→{e.Concept}")));
    }

    [Fact]
    public void Rules_keep_their_literal_terms()
    {
        var rules = RuleSet.Compile(new RulesDocument(Concepts, [new RuleEntry(new RuleDefinition("r", "r", "Dandong", Severity.Normal, [], true), 1, 1)], "rules.yaml"));
        Assert.Empty(rules.Matcher.Match(new MatchInput("丹东海关查获走私煤炭", "")));
        Assert.Single(rules.Matcher.Match(new MatchInput("Dandong customs", "")));
    }

    static string Show(QueryNode node) => node switch
    {
        TermNode t => Scope(t.Fields) + t.Normalized + (t.Prefix ? "*" : ""),
        ConceptNode c => Scope(c.Fields) + "@" + c.Name,
        RegexNode r => Scope(r.Fields) + $"/{r.Pattern}/",
        FilterNode f => $"{f.Kind.ToString().ToLowerInvariant()}:{f.Value}",
        AndNode a => "(" + string.Join(" AND ", a.Children.Select(Show)) + ")",
        OrNode o => "(" + string.Join(" OR ", o.Children.Select(Show)) + ")",
        NotNode n => "NOT " + Show(n.Child),
        _ => node.ToString(),
    };

    static string Scope(Fields fields) => fields switch { Fields.Title => "title:", Fields.Text => "text:", _ => "" };
}
