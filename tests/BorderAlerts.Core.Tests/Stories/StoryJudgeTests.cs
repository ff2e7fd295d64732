using BorderAlerts.Core.Rules;
using BorderAlerts.Core.Stories;

namespace BorderAlerts.Core.Tests.Stories;

/// <summary>The story rules one by one, with the shipped pack's concepts and facets.</summary>
public class StoryJudgeTests
{
    static readonly RuleSet Pack = RuleSet.Compile(RulesFile.Load(Path.Combine(AppContext.BaseDirectory, "../../../../../config/rules.yaml")));
    static readonly StoryJudge Judge = new(Pack.StoryConcepts);
    static readonly DateOnly Day = new(2026, 11, 30);

    static StoryFingerprint Print(string feed, string lang, string title, string text = "", int days = 0) =>
        StoryFingerprint.Of(feed, lang, title, text, Pack.StoryConcepts.Describing(Pack.Tagger.Tag(title, text)), Day.AddDays(days));

    [Fact]
    public void A_re_report_in_another_language_sharing_the_place_goods_and_tonnage_is_the_same_event()
    {
        var en = Print("yonhap-en", "en", "Dandong customs seize 30 tons of smuggled N. Korean seafood");
        var zh = Print("cankaoxiaoxi", "zh-Hans", "丹东海关查获30吨朝鲜走私海产品");
        Assert.True(Judge.SameEvent(en, zh));
        Assert.True(Judge.SameEvent(zh, en));
    }

    [Fact]
    public void A_wire_copy_in_the_same_language_is_the_same_event_even_without_shared_concepts_beyond_the_dprk()
    {
        var a = Print("kyodo-zh", "zh-Hans", "朝鲜外务省发表声明谴责美国新一轮单边措施", "朝鲜外务省发言人当天发表谈话，谴责美方宣布的新一轮单边措施。");
        var b = Print("ckxx", "zh-Hans", "朝鲜外务省发表声明 谴责美国新一轮单边措施", "朝鲜外务省发言人当天发表谈话，谴责美方宣布的新一轮单边措施。");
        Assert.True(Judge.SameEvent(a, b));
    }

    [Theory]
    [InlineData("丹东海关查获走私煤炭120吨", "珲春海关查获走私煤炭120吨")] // places differ
    [InlineData("丹东海关查获走私煤炭120吨", "丹东海关查获走私成品油120吨")] // goods differ
    public void Two_cases_whose_place_or_goods_differ_are_different_events_however_alike_their_wording(string first, string second)
    {
        Assert.False(Judge.SameEvent(Print("bulletin", "zh-Hans", first), Print("other", "zh-Hans", second)));
    }

    [Fact]
    public void Two_items_of_one_feed_are_one_story_only_when_one_updates_the_other()
    {
        var first = Print("bulletin", "zh-Hans", "丹东海关查获一起涉朝走私煤炭案", "查获走私煤炭120吨，案件编号第2026100号。");
        var update = Print("bulletin", "zh-Hans", "丹东海关查获一起涉朝走私煤炭案（更新）", "查获走私煤炭120吨，案件编号第2026100号，两人被捕。");
        var another = Print("bulletin", "zh-Hans", "丹东海关查获一起涉朝走私煤炭案", "查获走私煤炭75吨，案件编号第2026117号。");
        var related = Print("bulletin", "zh-Hans", "朝鲜煤炭走私链条调查", "查获走私煤炭120吨，案件编号第2026100号。");
        Assert.True(Judge.SameEvent(first, update));
        Assert.False(Judge.SameEvent(first, another)); // the same template, other figures
        Assert.False(Judge.SameEvent(first, related)); // the same figures, not an update of it
    }

    [Fact]
    public void In_one_script_different_amounts_set_items_apart_but_days_of_the_month_do_not()
    {
        var a = Print("a", "ko-KR", "북한 화물열차 단둥 도착", "16일 북한 화물열차가 단둥에 도착했다.");
        var b = Print("b", "ko-KR", "北 화물열차, 물자 싣고 단둥 출발", "17일 북한 화물열차가 단둥을 출발했다.");
        Assert.True(Judge.SameEvent(a, b));
        var c = Print("c", "ko-KR", "관세청, 북한산 석탄 66억원어치 적발");
        var d = Print("d", "ko-KR", "관세청, 북한산 석탄 35억원어치 적발");
        Assert.False(Judge.SameEvent(c, d));
    }

    [Fact]
    public void Items_published_more_than_three_days_apart_are_different_events()
    {
        var a = Print("a", "en", "UN Security Council adopts resolution 2397 on North Korea", days: 0);
        var b = Print("b", "ja", "安保理、北朝鮮制裁決議2397を採択", days: 1);
        var c = Print("c", "ja", "安保理、北朝鮮制裁決議2397を採択", days: 9);
        Assert.True(Judge.SameEvent(a, b));
        Assert.False(Judge.SameEvent(a, c));
    }

    [Fact]
    public void Choose_picks_the_candidate_that_reports_the_event_and_a_stored_fingerprint_round_trips()
    {
        var item = Print("yonhap-en", "en", "Dandong customs seize 30 tons of smuggled N. Korean seafood");
        var candidates = new[]
        {
            new StoryCandidate(1, Print("x", "zh-Hans", "珲春海关查获30吨朝鲜走私海产品")),
            new StoryCandidate(2, StoryFingerprint.FromBytes(Print("y", "zh-Hans", "丹东海关查获30吨朝鲜走私海产品").ToBytes())!),
        };
        Assert.Equal(2, Judge.Choose(item, candidates));
        Assert.Null(StoryFingerprint.FromBytes(new byte[128])); // a story stored before fingerprints
    }

    [Theory]
    [InlineData("Dandong hosts China-North Korea trade fair", "Dandong police arrest North Korean defectors")]
    [InlineData("US sanctions North Korean shipping firms", "EU extends sanctions on North Korea")]
    [InlineData("UN Security Council adopts new sanctions on North Korea", "Treasury sanctions Chinese firms over North Korea")]
    public void Different_events_of_the_same_days_on_one_topic_stay_apart(string first, string second)
    {
        Assert.False(Judge.SameEvent(Print("a", "en", first), Print("b", "en", second, days: 2)));
    }

    [Fact]
    public void Digits_of_other_scripts_are_not_figures_and_never_break_grouping()
    {
        Assert.Empty(StoryFingerprint.FiguresIn("العدد ١٢٣٤ و ٥٦"));
        var a = Print("a", "en", "North Korea ship ٢٠١٧ seized with ١٢ tons of coal");
        Assert.True(Judge.SameEvent(a, a with { Feed = "b" }));
    }

    [Fact]
    public void A_stored_fingerprint_that_does_not_read_whole_is_no_candidate()
    {
        Assert.Null(StoryFingerprint.FromBytes(System.Text.Encoding.UTF8.GetBytes("""{"feed":"x"}""")));
        Assert.Null(StoryFingerprint.FromBytes(System.Text.Encoding.UTF8.GetBytes("{not json")));
    }

    [Fact]
    public void A_concept_no_rule_uses_that_does_not_parse_is_left_out_of_tagging()
    {
        var set = RuleSet.Compile(RulesFile.Parse("""
            concepts:
              dandong: [Dandong, 丹东]
              broken: ["-"]
            rules:
              - id: r
                query: '@dandong'
            """, "rules.yaml"));
        Assert.Empty(set.Problems);
        Assert.Equal(["dandong"], set.Tagger.Tag("Dandong customs", ""));
    }

    [Fact]
    public void Figures_leave_out_years_and_single_digits_and_drop_thousands_separators()
    {
        Assert.Equal(["2397", "30", "4.5", "6000"], StoryFingerprint.FiguresIn("Resolution 2397 (2017): 30 tons, 4.5 million, 6,000 workers in 3 cities"));
    }
}
