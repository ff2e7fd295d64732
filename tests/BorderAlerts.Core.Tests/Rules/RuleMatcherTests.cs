using BorderAlerts.Core.Rules;
using BorderAlerts.Core.Rules.Matching;
using BorderAlerts.Core.Rules.Query;

namespace BorderAlerts.Core.Tests.Rules;

public class RuleMatcherTests
{
    static readonly Dictionary<string, IReadOnlyList<string>> Concepts = new()
    {
        ["dandong"] = ["Dandong", "丹东", "丹東", "단둥", "단동", "タンドン"],
        ["rason"] = ["Rason", "Rajin-Sonbong", "罗先", "라선"],
        ["smuggling"] = ["smuggl*", "走私", "밀수", "密輸"],
    };

    static RuleMatcher Matcher(params string[] queries) => RuleMatcher.Compile(queries.Select((q, i) =>
        (new RuleDefinition($"r{i}", $"rule {i}", q, Severity.Normal, ["console"], true), QueryParser.Parse(q, Concepts))).ToList());

    static bool Fires(string query, string title, string text = "", string? lang = null, string? source = null) =>
        Matcher(query).Match(new MatchInput(title, text, lang, source)).Count > 0;

    [Theory]
    [InlineData("coal", "Dandong coal imports rise", true)]
    [InlineData("coal", "Coalition talks collapse", false)]
    [InlineData("coal", "Seoul's charcoal market", false)]
    [InlineData("DPRK", "the DPRK's new decree", true)]
    [InlineData("sanction*", "US sanctions shipping firms", true)]
    [InlineData("sanction*", "unsanctioned trade", false)]
    [InlineData("\"ship to ship\"", "Ship-to-ship transfers at sea", true)]
    [InlineData("\"kim jong un\"", "Kim Jong-un visits Sinuiju", true)]
    [InlineData("sinuiju", "Kim Jong-un visits Sinŭiju", true)]
    [InlineData("制裁", "美国宣布对朝制裁措施", true)]
    [InlineData("丹东", "丹東海關查獲走私煤炭", true)]
    [InlineData("海關", "丹东海关查获走私", true)]
    [InlineData("단둥", "단둥에서 밀수 적발", true)]
    [InlineData("노동자", "해외 로동자 파견", true)]
    [InlineData("라선", "나선경제무역지대 박람회", true)]
    [InlineData("タンドン", "ﾀﾝﾄﾞﾝの税関", true)]
    [InlineData("dprk", "ＤＰＲＫ　ｓａｎｃｔｉｏｎｓ", true)]
    [InlineData("로동당", "조선로동당 중앙위원회", true)] // DPRK spelling inside a word
    [InlineData("노동당", "조선로동당 중앙위원회", true)] // ROK spelling finds the DPRK one inside a word too
    [InlineData("여성", "조선민주녀성동맹 중앙위원회", true)] // 여 ← 녀
    [InlineData("이", "관리 책임", false)] // one syllable gets no mid-word DPRK forms
    [InlineData("력사", "조선력사박물관", true)]
    [InlineData("sanctions", "new sanc\u00ADtions on", true)] // soft hyphen
    [InlineData("制裁", "对朝制\u200B裁措施", true)] // zero-width space
    [InlineData("단둥", "단\u200F둥 세관", true)] // right-to-left mark
    [InlineData("coal", "coal\u200Bition talks", false)] // an invisible character does not make a word boundary
    [InlineData("단둥", "\u1103\u1161\u11AB\u1103\u116E\u11BC 세관", true)] // NFD Hangul
    public void Terms_match_across_scripts_spellings_and_boundaries(string query, string title, bool expected) =>
        Assert.Equal(expected, Fires(query, title));

    [Theory]
    [InlineData("@dandong AND @smuggling", "丹東海關查獲走私煤炭", true)]
    [InlineData("@dandong AND @smuggling", "Dandong customs seize smuggled coal", true)]
    [InlineData("@dandong AND @smuggling", "단둥 세관 밀수 적발", true)]
    [InlineData("@dandong AND @smuggling", "Dandong tourism festival opens", false)]
    [InlineData("@dandong -coalition", "Dandong coalition forms", false)]
    [InlineData("sanction* NOT (FIFA OR sports)", "FIFA sanctions club", false)]
    [InlineData("title:coal", "Trade news", false)]
    [InlineData("text:coal", "Trade news", true)]
    [InlineData("coal source:kyodo*", "coal", true)]
    [InlineData("coal source:state", "coal", false)]
    [InlineData("coal lang:zh", "coal", true)]
    [InlineData("coal lang:ko", "coal", false)]
    [InlineData("/ship-?to-?ship/", "shiptoship transfer", true)]
    [InlineData("NOT steel", "iron", true)]
    [InlineData("source:kyodo-zh-hans", "anything", true)]
    public void Expressions_combine_concepts_fields_filters_and_negation(string query, string title, bool expected) =>
        Assert.Equal(expected, Fires(query, title, text: "coal trade", lang: "zh-Hans", source: "kyodo-zh-hans"));

    [Fact]
    public void A_match_explains_rule_terms_fields_and_original_positions()
    {
        var title = "丹東海關查獲走私煤炭";
        var text = "Customs in Dandong said smugglers hid coal.";
        var match = Matcher("@dandong AND @smuggling AND NOT iron").Match(new MatchInput(title, text)).Single();
        Assert.Equal("r0", match.RuleId);
        Assert.Contains(match.Terms, t => t is { Field: Fields.Title, Start: 0, Length: 2, Excerpt: "丹東" });
        Assert.Contains(match.Terms, t => t is { Field: Fields.Title, Excerpt: "走私" } && t.Start == 6);
        Assert.Contains(match.Terms, t => t is { Field: Fields.Text, Excerpt: "Dandong", Start: 11 });
        Assert.Contains(match.Terms, t => t is { Field: Fields.Text, Excerpt: "smuggl" });
    }

    [Theory]
    [InlineData("text:丹东", "丹东", "丹东 customs")]                  // the title's hit does not hide the text's
    [InlineData("title:丹东", "丹东", "coal\u0301 trade")]            // scanned again in full (a combining mark): the title too
    [InlineData("coal", "coalition talks; coal exports", "")]        // a term that must end a word, first inside one
    [InlineData("coal", "丹东 coal丹东 coals 丹东coal", "")]
    public void A_term_seen_before_in_an_item_still_counts_where_it_must(string query, string title, string text) =>
        Assert.True(Matcher(query).Match(new MatchInput(title, text)).Count > 0);

    [Fact]
    public void Matchers_used_in_turn_on_one_thread_each_count_their_own_terms()
    {
        // Each field scan reports a state once, with stamps a thread shares between matchers of different sizes.
        var small = Matcher("text:丹东");
        var large = Matcher([.. Enumerable.Range(0, 500).Select(i => $"term{i} OR 丹东{i}"), "text:丹东"]);
        var item = new MatchInput("丹东", "丹东 丹东 term7");
        for (int round = 0; round < 50; round++)
        {
            Assert.Single(small.Match(item));
            Assert.Equal(["r500", "r7"], large.Match(item).Select(m => m.RuleId).Order());
        }
    }

    [Fact]
    public void An_explanation_lists_every_place_a_term_was_found_again()
    {
        // Matching keeps which terms it saw, not where, and reports a repeated term once per field; the explanation
        // scans again and lists every place, in the original text (one field normalised in full).
        var match = Matcher("丹东").Match(new MatchInput("丹东 and 丹东", "ｆｉ 丹东, e\u0301 丹东")).Single();
        Assert.Equal([(Fields.Title, 0), (Fields.Title, 7), (Fields.Text, 3), (Fields.Text, 10)], match.Terms.Select(t => (t.Field, t.Start)));
        Assert.All(match.Terms, t => Assert.Equal("丹东", t.Excerpt));
    }

    [Fact]
    public void Positions_survive_collapsed_whitespace_and_hyphens()
    {
        var text = "Reports of   ship -- to -- ship transfers";
        var term = Matcher("\"ship to ship\"").Match(new MatchInput("", text)).Single().Terms.Single();
        Assert.Equal("ship -- to -- ship", term.Excerpt);
    }

    [Fact]
    public void Many_rules_sharing_terms_each_report_their_own_match()
    {
        var matches = Matcher("coal", "coal AND 丹东", "iron").Match(new MatchInput("丹东 coal", ""));
        Assert.Equal(["r0", "r1"], matches.Select(m => m.RuleId).Order());
    }

    [Fact]
    public void Disabled_rules_do_not_match()
    {
        var matcher = RuleMatcher.Compile([(new RuleDefinition("off", "off", "coal", Severity.Low, [], false), QueryParser.Parse("coal"))]);
        Assert.Empty(matcher.Match(new MatchInput("coal", "")));
    }

    [Fact]
    public void Control_characters_and_right_to_left_marks_do_not_hide_terms() =>
        Assert.True(Fires("\"dandong customs\"", "Dandong\u200F\u0007 customs"));

    [Fact]
    public void Five_megabytes_of_text_is_scanned_to_the_end()
    {
        var text = string.Concat(Enumerable.Repeat("丹东 coalition trade news. ", 200_000)) + "smuggled";
        Assert.True(text.Length > 5_000_000);
        Assert.True(Fires("@dandong AND @smuggling", "", text));
    }

    [Fact]
    public void A_concept_of_100000_terms_compiles_and_matches()
    {
        var big = Enumerable.Range(0, 100_000).Select(i => $"vessel{i}").Append("丹东号").ToList();
        var concepts = new Dictionary<string, IReadOnlyList<string>> { ["ships"] = big };
        var matcher = RuleMatcher.Compile([(new RuleDefinition("ships", "ships", "@ships", Severity.High, [], true), QueryParser.Parse("@ships", concepts))]);
        Assert.Equal(100_001, matcher.PatternCount);
        Assert.Single(matcher.Match(new MatchInput("Sighting of vessel99999 near Nampo", "")));
        Assert.Single(matcher.Match(new MatchInput("货船丹东号", "")));
        Assert.Empty(matcher.Match(new MatchInput("vessel100000", "")));
    }
}

public class MatchPositionTests
{
    static MatchedTerm Hit(string query, string text) =>
        RuleMatcher.Compile([(new RuleDefinition("r", "r", query, Severity.Normal, [], true), QueryParser.Parse(query))])
            .Match(new MatchInput("", text)).Single().Terms.Single();

    [Theory]
    [InlineData("丹东", "ﬁﬁﬁﬁ news from 丹东", "丹东")]
    [InlineData("丹东", "㈜㈜ 丹东", "丹东")]
    [InlineData("sinuiju", "Kim visits Sinu\u0306iju today", "Sinu\u0306iju")]
    [InlineData("단둥", "오늘 \u1103\u1161\u11AB\u1103\u116E\u11BC 세관", "\u1103\u1161\u11AB\u1103\u116E\u11BC")]
    [InlineData("fine", "a ﬁne day", "ﬁne")]
    public void Positions_point_into_the_original_text_even_when_it_needed_full_normalisation(string query, string text, string excerpt) =>
        Assert.Equal(excerpt, Hit(query, text).Excerpt);
}

public class WideTrieTests
{
    [Fact]
    public void States_with_many_children_find_every_child()
    {
        var suffixes = "0123456789abcdefghijklmnopqrstuvwxyz丹东朝鲜단둥".ToCharArray();
        var terms = suffixes.Select(c => "zq" + c).ToList();
        var concepts = new Dictionary<string, IReadOnlyList<string>> { ["wide"] = terms };
        var matcher = RuleMatcher.Compile([(new RuleDefinition("w", "w", "@wide", Severity.Low, [], true), QueryParser.Parse("@wide", concepts))]);
        foreach (var term in terms)
            Assert.Equal(term, Assert.Single(matcher.Match(new MatchInput($"see {term} here", "")).Single().Terms).Excerpt);
        Assert.Empty(matcher.Match(new MatchInput("zq? zq! zq", "")));
    }
}
