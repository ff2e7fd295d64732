using BorderAlerts.Core.Rules.Matching;
using BorderAlerts.Core.Text;

namespace BorderAlerts.Core.Tests.Rules;

public class AutomatonTests
{
    sealed class Collect : Automaton.IHitSink
    {
        public List<(string Pattern, int Start, int End)> Hits { get; } = [];
        public required IReadOnlyList<Pattern> Patterns { get; init; }
        public void OnHit(int patternId, int start, int end) => Hits.Add((Patterns[patternId].Text, start, end));
    }

    static List<Pattern> Patterns(params string[] terms) => terms.Select(MatchText.Normalize).Distinct()
        .Select((t, i) => new Pattern(i, t, MatchText.IsWordChar(t[0]), MatchText.IsWordChar(t[^1]))).ToList();

    /// <summary>Patterns without word boundaries, to see every hit the automaton finds.</summary>
    static List<Pattern> Unbounded(params string[] terms) => terms.Select((t, i) => new Pattern(i, t, false, false)).ToList();

    static List<(string Pattern, int Start, int End)> Hits(Automaton automaton, string text)
    {
        var sink = new Collect { Patterns = automaton.Patterns };
        automaton.Scan(text, ref sink);
        return sink.Hits;
    }

    static readonly string[] Terms =
    [
        "abcd", "bce", "ce", "c", "coal", "coal port", "port", "dprk", "dprk制裁", "制裁", "裁决", "丹东", "丹东港", "东港",
        "단둥", "둥지", "タンドン", "ドン", "x9", "😀丹东", "a b c", "zq0", "zq1", "zq2", "zq3", "zq4", "zq5", "zq6", "zq7", "zq8",
        "zq丹", "zq东", "qz", "丹a", "丹b", "丹c", "丹d", "丹e", "丹f", "丹g", "丹h", "丹i",
    ];

    static readonly string[] Texts =
    [
        "xabce", "abcd", "coal port", "coal  --  port", "coalport", "dprk制裁决议", "DPRK 制裁", "丹东港口", "在丹东港", "단둥지역",
        "タンドンの", "x9 x99 9x9", "😀丹东😀", "a\u200Bb c", "a - b - c", "zq0zq丹zq9 zq8", "丹a丹b丹z 丹i", "qzq1", "c", "",
        "丹\u00AD东港", "\u200Bcoal", "coal\u200B", "  coal", "제재 단둥", "ce ce", "ABCE",
    ];

    [Fact]
    public void Fail_links_are_followed_inside_ascii_rows()
    {
        var automaton = new Automaton(Unbounded("abcd", "bce", "ce"));
        Assert.Equal([("bce", 1, 4), ("ce", 2, 4)], Hits(automaton, "abce"));
    }

    [Fact]
    public void An_ascii_prefix_continues_into_other_scripts()
    {
        var automaton = new Automaton(Patterns("dprk制裁", "制裁决议"));
        Assert.Equal([("dprk制裁", 0, 6), ("制裁决议", 4, 8)], Hits(automaton, "DPRK制裁决议"));
    }

    [Fact]
    public void A_state_with_many_children_follows_its_fail_link_for_other_characters()
    {
        var automaton = new Automaton(Patterns([.. Terms]));
        Assert.Contains(("丹东", 6, 8), Hits(automaton, "丹a丹b丹z丹东"));
        Assert.Contains(("zq丹", 4, 7), Hits(automaton, "zqz zq丹"));
    }

    [Theory]
    [InlineData("#丹东", 1, 3)]              // right after a character in no pattern
    [InlineData("\u200B丹东", 1, 3)]         // right after an invisible character
    [InlineData("😀丹东", 2, 4)]             // right after a surrogate pair
    [InlineData("trade with 丹东", 11, 13)]  // at the very end of the text
    [InlineData("丹东", 0, 2)]               // the whole text
    public void Hits_start_and_end_where_the_term_is(string text, int start, int end) =>
        Assert.Equal([("丹东", start, end)], Hits(new Automaton(Patterns("丹东")), text));

    [Fact]
    public void A_term_with_a_surrogate_pair_is_found()
    {
        var automaton = new Automaton(Patterns("😀丹东"));
        Assert.Equal([("😀丹东", 1, 5)], Hits(automaton, "x😀丹东"));
    }

    [Fact]
    public void A_hit_that_begins_after_a_separator_run_starts_at_its_first_letter()
    {
        var automaton = new Automaton(Patterns("coal port"));
        Assert.Equal([("coal port", 3, 17)], Hits(automaton, " - coal \u200B--  port"));
    }

    [Fact]
    public void A_text_with_more_hits_than_one_run_keeps_reports_them_all_in_order()
    {
        // The scan keeps up to 64 states with hits before reporting them; 300 hits (and separator runs, which the
        // scan leaves its loop for) make it fill that buffer several times.
        var automaton = new Automaton(Patterns("丹东", "东港", "coal"));
        var text = string.Concat(Enumerable.Range(0, 100).Select(i => i % 7 == 0 ? "丹东港  coal " : "丹东港coal "));
        var expected = new List<(string, int, int)>();
        for (int i = 0, at = 0; i < 100; i++)
        {
            var gap = i % 7 == 0 ? 2 : 0;
            expected.Add(("丹东", at, at + 2));
            expected.Add(("东港", at + 1, at + 3));
            expected.Add(("coal", at + 3 + gap, at + 7 + gap));
            at += 8 + gap;
        }
        Assert.Equal(expected, Hits(automaton, text));
    }

    sealed class Nested(Automaton inner, string innerText) : Automaton.IHitSink
    {
        public List<(int, int)> Outer { get; } = [];
        public int InnerHits { get; private set; }

        public void OnHit(int patternId, int start, int end)
        {
            Outer.Add((start, end));
            var sink = new Collect { Patterns = inner.Patterns };
            inner.Scan(innerText, ref sink);
            InnerHits += sink.Hits.Count;
        }
    }

    [Fact]
    public void A_scan_started_from_a_sink_leaves_the_outer_scan_alone()
    {
        // Each scan keeps the states it found in a per-thread buffer until it reports them: a nested scan must not use it.
        var nested = new Nested(new Automaton(Unbounded("b")), "xxxxxbxbxbxbxbxbxbxbxb");
        new Automaton(Unbounded("a")).Scan("aaaa", ref nested);
        Assert.Equal([(0, 1), (1, 2), (2, 3), (3, 4)], nested.Outer);
        Assert.Equal(4 * 9, nested.InnerHits);
    }

    [Fact]
    public void Row_budgets_change_speed_not_hits()
    {
        var patterns = Patterns([.. Terms]);
        var full = new Automaton(patterns);
        var lists = new Automaton(patterns, denseBudget: 0, asciiBudget: 0);
        var some = new Automaton(patterns, denseBudget: 200, asciiBudget: 100);
        foreach (var text in Texts)
        {
            var expected = Hits(full, text);
            Assert.Equal(expected, Hits(lists, text));
            Assert.Equal(expected, Hits(some, text));
        }
        Assert.NotEmpty(Texts.SelectMany(t => Hits(full, t)));
    }
}
