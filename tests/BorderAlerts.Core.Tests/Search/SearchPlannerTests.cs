using BorderAlerts.Core.Rules.Query;
using BorderAlerts.Core.Search;

namespace BorderAlerts.Core.Tests.Search;

public sealed class SearchPlannerTests
{
    static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    static readonly Dictionary<string, IReadOnlyList<string>> Concepts = new() { ["dandong"] = ["Dandong", "丹东", "단둥"] };

    static SearchPlan Plan(string query) => SearchPlanner.Plan(QueryParser.Parse(query, Concepts), Now);

    [Fact]
    public void Top_level_filters_go_to_the_store_and_leave_the_terms()
    {
        var plan = Plan("丹东 走私 since:7d source:kyodo* lang:zh");
        Assert.Equal(Now.AddDays(-7), plan.Filters.Since);
        Assert.Equal([("kyodo", true)], plan.Filters.Sources);
        Assert.Equal(["zh"], plan.Filters.Languages);
        var all = Assert.IsType<AllOf>(plan.Restriction);
        Assert.Equal(["丹东", "走私"], all.Children.Cast<TokenPhrase>().Select(p => string.Join(' ', p.Tokens)));
    }

    [Fact]
    public void A_concept_narrows_to_any_of_its_aliases()
    {
        var any = Assert.IsType<AnyOf>(Plan("@dandong").Restriction);
        Assert.Equal(3, any.Children.Count);
    }

    [Fact]
    public void A_concept_is_planned_from_its_current_aliases_and_scope()
    {
        static string Narrowed(string query, Dictionary<string, IReadOnlyList<string>> concepts) =>
            string.Join('|', ((AnyOf)SearchPlanner.Plan(QueryParser.Parse(query, concepts), Now).Restriction!).Children.Cast<TokenPhrase>()
                .Select(p => $"{p.Fields}:{string.Join(' ', p.Tokens)}"));
        Assert.Equal("Any:dandong|Any:丹东|Any:단둥", Narrowed("@dandong", Concepts));
        Assert.Equal("Title:dandong|Title:丹东|Title:단둥", Narrowed("title:@dandong", Concepts));
        Assert.Equal("Any:dandong|Any:단동", Narrowed("@dandong", new() { ["dandong"] = ["Dandong", "단동"] })); // rules.yaml changed
    }

    [Theory]
    [InlineData("丹东 OR 丹東", "丹东")] // one after folding
    [InlineData("丹东 OR 丹东市 OR 단둥", "丹东|단둥")] // 丹东市 holds 丹东
    [InlineData("title:丹东市 OR 丹东", "丹东")]
    [InlineData("丹东市 OR title:丹东", "丹东 东市|丹东")] // a title-only branch does not cover the text
    [InlineData("sanction* OR sanctions OR \"sanctions relief\"", "sanction")]
    [InlineData("sanctions OR sanction*", "sanction")]
    [InlineData("sanction* OR sanctions*", "sanction")]
    [InlineData("sanctions* OR sanction", "sanctions|sanction")] // a word is no prefix match of a longer prefix
    [InlineData("(丹东 OR 단둥) OR (丹东 OR 新义州)", "丹东|단둥|新义 义州")] // nested ORs flatten
    [InlineData("煤 OR 煤炭", "煤|煤炭")] // single characters and words live in different columns
    public void OR_branches_another_branch_implies_are_dropped(string query, string expected)
    {
        var restriction = Plan(query).Restriction;
        var branches = restriction is AnyOf any ? any.Children : [restriction!];
        Assert.Equal(expected, string.Join('|', branches.Cast<TokenPhrase>().Select(p => string.Join(' ', p.Tokens))));
    }

    [Theory]
    [InlineData("计划", "计划|计画")] // the index holds 計畫 folded per character: 计画
    [InlineData("計畫", "计画|计划")]
    [InlineData("title:核计划 OR 丹东", "核计 计划|核计 计画|丹东")]
    public void A_term_narrows_to_any_of_its_phrase_spellings(string query, string expected)
    {
        var any = Assert.IsType<AnyOf>(Plan(query).Restriction);
        Assert.Equal(expected, string.Join('|', any.Children.Cast<TokenPhrase>().Select(p => string.Join(' ', p.Tokens))));
    }

    [Theory]
    [InlineData("-coal")]
    [InlineData("/ship-?to-?ship/")]
    [InlineData("coal OR NOT sanctions")]
    [InlineData("source:kyodo")]
    public void What_the_index_cannot_narrow_narrows_nothing(string query) => Assert.Null(Plan(query).Restriction);

    [Fact]
    public void NOT_beside_a_term_narrows_by_the_term_only_and_keeps_the_NOT_for_the_check()
    {
        var plan = Plan("coal NOT coalition");
        var phrase = Assert.IsType<TokenPhrase>(plan.Restriction);
        Assert.Equal(["coal"], phrase.Tokens);
        Assert.IsType<AndNode>(plan.Remainder);
    }

    [Fact]
    public void Field_scope_and_prefix_reach_the_phrase()
    {
        var phrase = Assert.IsType<TokenPhrase>(Plan("title:sanction*").Restriction);
        Assert.True(phrase.Prefix);
        Assert.Equal(Fields.Title, phrase.Fields);
        var single = Assert.IsType<TokenPhrase>(Plan("煤").Restriction);
        Assert.True(single.Unigram);
    }

    [Theory]
    [InlineData("丹东 OR since:1d")]
    [InlineData("-since:7d 丹东")]
    public void Since_inside_OR_or_NOT_is_refused_with_its_column(string query) =>
        Assert.Contains("whole search", Assert.Throws<QuerySyntaxException>(() => Plan(query)).Problem);
}
