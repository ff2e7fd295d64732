using BorderAlerts.Core.Rules.Query;

namespace BorderAlerts.Core.Tests.Rules;

public class QueryParserTests
{
    static readonly Dictionary<string, IReadOnlyList<string>> Concepts = new() { ["dandong"] = ["Dandong", "丹東", "단둥"] };

    [Fact]
    public void Or_binds_looser_than_implicit_and()
    {
        var node = Assert.IsType<OrNode>(QueryParser.Parse("a b OR c"));
        Assert.IsType<AndNode>(node.Children[0]);
        Assert.Equal("c", Assert.IsType<TermNode>(node.Children[1]).Normalized);
    }

    [Fact]
    public void Fields_filters_concepts_wildcards_regex_and_negation_parse()
    {
        var node = Assert.IsType<AndNode>(QueryParser.Parse("title:(sanction* OR @dandong) -coalition source:kyodo* lang:ko since:7d /ship-?to-?ship/", Concepts));
        var or = Assert.IsType<OrNode>(node.Children[0]);
        var wildcard = Assert.IsType<TermNode>(or.Children[0]);
        Assert.True(wildcard.Prefix);
        Assert.Equal(Fields.Title, wildcard.Fields);
        var concept = Assert.IsType<ConceptNode>(or.Children[1]);
        Assert.Equal(["dandong", "丹东", "단둥"], concept.Aliases.Select(a => a.Normalized));
        Assert.All(concept.Aliases, a => Assert.Equal(Fields.Title, a.Fields));
        Assert.IsType<NotNode>(node.Children[1]);
        Assert.Equal(new FilterNode(FilterKind.Source, "kyodo", true) { Column = 42 }, node.Children[2]);
        Assert.Equal(TimeSpan.FromDays(7), Assert.IsType<FilterNode>(node.Children[4]).Since);
        Assert.IsType<RegexNode>(node.Children[5]);
    }

    [Fact]
    public void Lower_case_operators_are_terms() =>
        Assert.Equal(3, Assert.IsType<AndNode>(QueryParser.Parse("coal and iron")).Children.Count);

    [Theory]
    [InlineData("", 1, "empty query")]
    [InlineData("   ", 1, "empty query")]
    [InlineData("(coal AND iron", 1, "unbalanced '('")]
    [InlineData("coal)", 5, "unbalanced ')'")]
    [InlineData("coal AND", 9, "after 'AND'")]
    [InlineData("coal OR OR iron", 9, "after 'OR'")]
    [InlineData("NOT", 4, "after 'NOT'")]
    [InlineData("()", 2, "empty parentheses")]
    [InlineData("\"ship to ship", 1, "unterminated phrase")]
    [InlineData("/abc", 1, "unterminated regex")]
    [InlineData("@dangdong", 1, "unknown concept '@dangdong' (known: @dandong)")]
    [InlineData("co*al", 1, "only a trailing *")]
    [InlineData("since:soon", 1, "not a duration")]
    [InlineData("source:", 1, "expected a value after 'source:'")]
    [InlineData("title:", 1, "expected a term after 'title:'")]
    [InlineData("/(a)\\1/", 1, "regex not accepted")]
    [InlineData("/(?=a)b/", 1, "regex not accepted")]
    [InlineData("a —", 3, "nothing to match")]
    public void Errors_name_the_column_and_what_was_expected(string query, int column, string problem)
    {
        var error = Assert.Throws<QuerySyntaxException>(() => QueryParser.Parse(query, Concepts));
        Assert.Equal(column, error.Column);
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void Overlong_regex_deep_nesting_and_huge_queries_are_refused()
    {
        Assert.Contains("longer than 200", Assert.Throws<QuerySyntaxException>(() => QueryParser.Parse("/" + new string('a', 201) + "/")).Message);
        Assert.Contains("nested more than", Assert.Throws<QuerySyntaxException>(() => QueryParser.Parse(new string('(', 100) + "a" + new string(')', 100))).Message);
        Assert.Contains("longer than", Assert.Throws<QuerySyntaxException>(() => QueryParser.Parse(new string('a', 5000))).Message);
    }
}
