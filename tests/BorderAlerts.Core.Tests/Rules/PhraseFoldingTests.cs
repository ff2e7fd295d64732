using BorderAlerts.Core.Rules;
using BorderAlerts.Core.Rules.Matching;
using BorderAlerts.Core.Rules.Query;
using BorderAlerts.Core.Text;

namespace BorderAlerts.Core.Tests.Rules;

/// <summary>
/// Traditional and simplified spellings that meet only as phrases (OpenCC's TSPhrases, Data/t2s-phrases.txt): character
/// by character 計畫 folds to 计画, not 计划. Headlines as Taiwan's CNA and Hong Kong outlets write them.
/// </summary>
public class PhraseFoldingTests
{
    static readonly Dictionary<string, IReadOnlyList<string>> Concepts = new() { ["nuclear-plan"] = ["核计划", "nuclear programme"] };

    static RuleMatcher Matcher(string query) =>
        RuleMatcher.Compile([(new RuleDefinition("r0", "rule", query, Severity.Normal, ["console"], true), QueryParser.Parse(query, Concepts))]);

    static IReadOnlyList<RuleMatch> Match(string query, string title) => Matcher(query).Match(new MatchInput(title, ""));

    [Theory]
    // simplified term, traditional text
    [InlineData("计划", "美日韓研議因應朝鮮核計畫")]
    [InlineData("凭借", "走私集團憑藉丹東口岸轉運煤炭")]
    [InlineData("回复", "外交部回覆記者提問")]
    [InlineData("苏醒", "遭扣押船員已甦醒送醫")]
    [InlineData("核计划", "朝鮮核計畫再成焦點")] // the phrase inside a longer term
    [InlineData("@nuclear-plan", "朝鮮核計畫再成焦點")] // a concept's alias
    [InlineData("title:计划 AND 朝鲜", "朝鮮核計畫")]
    // traditional term, simplified text
    [InlineData("計畫", "美日韩研议应对朝鲜核计划")]
    [InlineData("憑藉", "走私集团凭借丹东口岸转运煤炭")]
    [InlineData("回覆", "外交部回复记者提问")]
    [InlineData("甦醒", "遭扣押船员已苏醒送医")]
    public void Phrases_spelled_either_way_meet(string query, string title) => Assert.Single(Match(query, title));

    [Theory]
    [InlineData("丹东", "丹東海關查獲走私煤炭", true)] // per character, as before
    [InlineData("計畫", "計畫", true)]
    [InlineData("计划", "计划", true)]
    [InlineData("计划", "計劃", true)] // Hong Kong's 計劃 folds per character
    [InlineData("回复", "覆盖", false)] // 覆 alone stays 覆
    [InlineData("苏醒", "甦", false)]
    public void Per_character_folding_still_decides_the_rest(string query, string title, bool expected) =>
        Assert.Equal(expected, Match(query, title).Count > 0);

    [Fact]
    public void A_hit_on_another_spelling_reports_the_rule_term_and_the_text_as_written()
    {
        var term = Assert.Single(Assert.Single(Match("计划", "朝鮮核計畫")).Terms);
        Assert.Equal(("计划", "計畫", 3, 2), (term.Term, term.Excerpt, term.Start, term.Length));
    }

    [Fact]
    public void A_term_of_its_own_keeps_its_spelling_when_another_term_also_spells_it()
    {
        var matcher = Matcher("计划 OR 计画");
        var terms = Assert.Single(matcher.Match(new MatchInput("计画 计划", ""))).Terms;
        Assert.Equal(["计画", "计划"], terms.Select(t => t.Term));
    }

    [Theory]
    [InlineData("计划书", "计画书")]
    [InlineData("计画", "计划")]
    [InlineData("凭借回复", "凭藉回复|凭借回覆|凭藉回覆")]
    [InlineData("dandong", "")]
    [InlineData("丹东", "")]
    public void Other_spellings_swap_each_phrase_the_term_holds(string folded, string expected) =>
        Assert.Equal(expected, string.Join('|', PhraseFolds.OtherSpellings(folded)));

    [Fact]
    public void The_phrase_table_is_embedded() =>
        Assert.InRange(PhraseFolds.PairCount, 200, 300);
}
