using BorderAlerts.Core.Rules.Matching;
using BorderAlerts.Core.Text;

namespace BorderAlerts.Core.Tests.Rules;

/// <summary>
/// Terms that start with a letter or digit hang off a boundary state, reached after any other character and at the
/// start; inside a word the scan falls back to the root. The hits must be exactly those of looking for each term at
/// every position and checking the characters around it.
/// </summary>
public class AutomatonBoundaryTests
{
    static List<Pattern> Patterns(params string[] terms) => terms
        .Select((t, i) => new Pattern(i, t, MatchText.IsWordChar(t[0]), MatchText.IsWordChar(t[^1]))).ToList();

    static List<(int Pattern, int Start, int End)> Hits(Automaton automaton, string text)
    {
        var sink = new HitCollector();
        automaton.Scan(text, ref sink);
        return sink.Hits;
    }

    /// <summary>Every place a pattern occurs in a text that folding leaves as it is, with its boundaries checked.</summary>
    static List<(int, int, int)> Expected(IReadOnlyList<Pattern> patterns, string text)
    {
        var hits = new List<(int, int, int)>();
        foreach (var pattern in patterns)
            for (int start = 0; start + pattern.Text.Length <= text.Length; start++)
            {
                int end = start + pattern.Text.Length;
                if (string.CompareOrdinal(text, start, pattern.Text, 0, pattern.Text.Length) != 0) continue;
                if (pattern.StartBoundary && start > 0 && MatchText.IsWordChar(text[start - 1])) continue;
                if (pattern.EndBoundary && end < text.Length && MatchText.IsWordChar(text[end])) continue;
                hits.Add((pattern.Id, start, end));
            }
        return hits;
    }

    [Theory]
    [InlineData("(dandong)", "dandong", 1)]     // after a character that starts a term of its own
    [InlineData("丹东dandong", "dandong", 2)]   // after CJK, which has no word boundaries
    [InlineData("dandong", "dandong", 0)]       // at the start
    [InlineData("a.kim jong un", "kim jong un", 2)]
    [InlineData("..kim", "kim", 2)]             // after a run of a term's characters
    [InlineData("xdandong", "dandong", -1)]     // inside a word: not there
    [InlineData("coalkim jong un", "kim jong un", -1)]
    public void A_term_that_starts_a_word_is_found_only_there(string text, string term, int start)
    {
        var patterns = Patterns("(株)", "dandong", "...", "..", "kim jong un", "丹东", "coal", "kim", "ko");
        var automaton = new Automaton(patterns);
        int id = patterns.First(p => p.Text == term).Id;
        var found = Hits(automaton, text).Where(h => h.Pattern == id).Select(h => h.Start).ToList();
        Assert.Equal(start < 0 ? [] : new List<int> { start }, found);
    }

    [Fact]
    public void An_empty_pattern_is_found_nowhere()
    {
        var patterns = new List<Pattern> { new(0, "", true, false), new(1, ".", false, false), new(2, "x.y", true, false), new(3, "", false, false) };
        var automaton = new Automaton(patterns);
        Assert.Equal([(1, 1, 2)], Hits(automaton, "a."));
        Assert.Equal([(1, 1, 2), (2, 0, 3)], Hits(automaton, "x.y").Order().ToList());
    }

    [Fact]
    public void Random_terms_in_random_texts_are_found_where_a_plain_search_finds_them()
    {
        // Letters, digits, a full stop, a space and CJK: terms starting with either kind, sharing prefixes and
        // suffixes across the two roots; 'x' and '!' occur in no term.
        const string alphabet = "ab1. 丹东", extra = "x!";
        var random = new Random(42);
        for (int round = 0; round < 400; round++)
        {
            var terms = new HashSet<string>();
            int count = random.Next(1, 12);
            while (terms.Count < count)
            {
                var term = Word(random, alphabet, random.Next(1, 5));
                if (!term.StartsWith(' ') && !term.EndsWith(' ') && !term.Contains("  ")) terms.Add(term);
            }
            var patterns = Patterns([.. terms]);
            var automata = new[] { new Automaton(patterns), new Automaton(patterns, denseBudget: 0, asciiBudget: 0), new Automaton(patterns, denseBudget: 100, asciiBudget: 64) };
            for (int t = 0; t < 10; t++)
            {
                var text = Word(random, alphabet + extra, random.Next(0, 30)).TrimStart();
                while (text.Contains("  ")) text = text.Replace("  ", " ");
                var expected = Expected(patterns, text).Order().ToList();
                foreach (var automaton in automata) Assert.Equal(expected, Hits(automaton, text).Order().ToList());
            }
        }
    }

    static string Word(Random random, string alphabet, int length) =>
        string.Concat(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]));
}
