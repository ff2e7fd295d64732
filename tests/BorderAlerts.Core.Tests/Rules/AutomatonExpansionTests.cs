using BorderAlerts.Core.Rules.Matching;
using BorderAlerts.Core.Text;

namespace BorderAlerts.Core.Tests.Rules;

/// <summary>
/// Characters NFKC expands into plain characters (… ™ ﬁ ㏂ ㈱) are scanned as their expansion in place; the hits must be
/// exactly those of scanning the text normalised in full, positions mapped back to the original.
/// </summary>
public class AutomatonExpansionTests
{
    static readonly Automaton Automaton = new(
        new[] { "tm", "m", "coal", "coal tm", "fi", "fin", "a.m", "...", "(株)", "株", "tel", "el" }
            .SelectMany(t => new[] { (t, false), (t, true) })
            .Select((p, i) => new Pattern(i, MatchText.Normalize(p.t), p.Item2, p.Item2))
            .ToList());

    static (bool InPlace, List<(int, int, int)> Hits) InPlace(string text)
    {
        var sink = new HitCollector();
        return (Automaton.Scan(text, ref sink, stopAtExpanding: true), sink.Hits);
    }

    static List<(int, int, int)> Normalised(string text)
    {
        var map = NfkcMap.Normalize(text);
        var sink = new HitCollector();
        Automaton.Scan(map.Text, ref sink);
        return sink.Hits.Select(h => map.Original(h.Start, h.End) is var (start, end) ? (h.Pattern, start, end) : default).ToList();
    }

    [Theory]
    [InlineData("coal™ and coal tm")]    // a hit ending inside an expansion
    [InlineData("™coal ™")]              // word boundaries read the expansion's first and last characters
    [InlineData("ﬁn ﬁ ﬁnance")]          // a hit starting inside an expansion
    [InlineData("wait… ...")]
    [InlineData("8 ㏂ a.m")]
    [InlineData("㈱ 株 ℡ tel")]
    [InlineData("co\u00ADal™\u200B")]     // invisible characters around an expansion
    public void Expansions_scanned_in_place_find_what_normalising_first_finds(string text)
    {
        var (inPlace, hits) = InPlace(text);
        Assert.True(inPlace);
        Assert.NotEmpty(hits);
        Assert.Equal(Normalised(text), hits);
    }

    [Theory]
    [InlineData("coal™\r\n")]          // an expansion in text with a two-character cluster
    [InlineData("\r\ncoal™")]
    [InlineData("coal\u0301 ™")]       // a combining mark
    [InlineData("ﷺ coal")]             // an expansion with spaces in it
    [InlineData("㈜ coal")]             // an expansion with a Hangul syllable in it (the word-initial rule)
    public void Other_expansions_ask_for_the_text_normalised_in_full(string text) =>
        Assert.False(InPlace(text).InPlace);
}
