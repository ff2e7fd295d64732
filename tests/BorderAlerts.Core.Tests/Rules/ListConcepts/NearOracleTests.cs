using BorderAlerts.Core.Rules.Matching;
using BorderAlerts.Core.Watchlists;
using static BorderAlerts.Core.Tests.Rules.ListConcepts.ListFixture;

namespace BorderAlerts.Core.Tests.Rules.ListConcepts;

/// <summary>
/// Short vessel names match only near a vessel word: the matcher's answer on random texts must be exactly that of a
/// plain oracle that splits the text into words and measures the gap between a name's words and a vessel word's.
/// </summary>
public class NearOracleTests
{
    static readonly string[][] Names = [["honesty"], ["nam", "san", "8"], ["yuk", "tung"]];
    static readonly string[] VesselWords = ["tanker", "vessel", "ship"];
    static readonly string[] Filler = ["the", "a", "was", "seen", "honesty", "nam", "san", "tung", "8", "policy", "coast,", "near", "off", "—"];

    static readonly Core.Rules.RuleSet List = ListFixture.Rules(
        Entry("HONESTY", WatchlistEntryType.Vessel, "1"), Entry("NAM SAN 8", WatchlistEntryType.Vessel, "2"), Entry("YUK TUNG", WatchlistEntryType.Vessel, "3"));

    static bool Oracle(string[] words)
    {
        var clean = words.Select(w => w.Trim(',', '—').ToLowerInvariant()).ToArray();
        var tokens = new List<string>();
        foreach (var w in clean) if (w.Length > 0) tokens.Add(w);
        var names = new List<(int, int)>();
        var contexts = new List<int>();
        for (int i = 0; i < tokens.Count; i++)
        {
            if (VesselWords.Contains(tokens[i])) contexts.Add(i);
            foreach (var name in Names)
                if (i + name.Length <= tokens.Count && name.Select((n, k) => tokens[i + k] == n).All(b => b)) names.Add((i, i + name.Length - 1));
        }
        return names.Any(n => contexts.Any(c => c < n.Item1 ? n.Item1 - c - 1 <= ContextWindow : c - n.Item2 - 1 <= ContextWindow));
    }

    const int ContextWindow = Core.Rules.ListConcepts.ContextWords.Window;

    [Fact]
    public void A_short_name_matches_exactly_when_a_vessel_word_is_within_the_window()
    {
        var random = new Random(18);
        int agreedMatches = 0;
        for (int round = 0; round < 3000; round++)
        {
            var words = Enumerable.Range(0, random.Next(2, 14)).Select(_ => random.Next(5) == 0 ? VesselWords[random.Next(VesselWords.Length)] : Filler[random.Next(Filler.Length)]).ToArray();
            var text = string.Join(' ', words);
            var expected = Oracle(words);
            Assert.True(expected == Matches(List, text), $"'{text}': oracle says {expected}");
            if (expected) agreedMatches++;
        }
        Assert.InRange(agreedMatches, 100, 2900); // both answers occur often
    }
}
