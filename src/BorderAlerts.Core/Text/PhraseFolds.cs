using System.Reflection;
using System.Text;

namespace BorderAlerts.Core.Text;

/// <summary>
/// Traditional → simplified spellings that meet only as whole phrases: 計畫 folds character by character to 计画, but its
/// simplified spelling is 计划 (likewise 憑藉/凭借, 回覆/回复, 甦醒/苏醒). Pairs from OpenCC's phrase table
/// (Data/t2s-phrases.txt, tools/opencc-phrases). Text is still folded one character at a time, so the matcher pays nothing
/// per item: a term is instead also looked for in its <see cref="OtherSpellings"/>, which finds what converting text and
/// terms phrase by phrase would have brought together, in either direction.
/// </summary>
public static class PhraseFolds
{
    /// <summary>Spellings per term at most, its own included (a term holding k such phrases has 2^k).</summary>
    public const int MaxSpellings = 16;
    const string Resource = "BorderAlerts.Core.Text.Data.t2s-phrases.txt";

    /// <summary>By first character: each folded phrase spelling and the folded spelling it meets (both directions).</summary>
    static readonly Dictionary<char, (string From, string To)[]> SwapsByFirst = Load();
    /// <summary>The first and second characters of the phrase spellings: two table lookups tell most terms they hold none.</summary>
    static readonly bool[] StartsPhrase = Characters(0), ContinuesPhrase = Characters(1);

    /// <summary>Number of folded pairs that differ (each swaps both ways).</summary>
    public static int PairCount { get; } = SwapsByFirst.Values.Sum(s => s.Length) / 2;

    /// <summary>
    /// Every other spelling a folded term's phrases give, each once (计划书 → 计画书), or none: most terms hold no phrase,
    /// and a scan over their characters tells them so without allocating.
    /// </summary>
    public static IReadOnlyList<string> OtherSpellings(string folded)
    {
        if (!HoldsPhrase(folded)) return [];
        var spellings = new List<string> { folded };
        var seen = new HashSet<string>(StringComparer.Ordinal) { folded };
        for (int k = 0; k < spellings.Count; k++)
        {
            var spelling = spellings[k];
            for (int at = 0; at < spelling.Length; at++)
            {
                if (!SwapsByFirst.TryGetValue(spelling[at], out var swaps)) continue;
                foreach (var (from, to) in swaps)
                {
                    if (!spelling.AsSpan(at).StartsWith(from, StringComparison.Ordinal)) continue;
                    var swapped = string.Concat(spelling.AsSpan(0, at), to, spelling.AsSpan(at + from.Length));
                    if (!seen.Add(swapped)) continue;
                    spellings.Add(swapped);
                    if (spellings.Count == MaxSpellings) return spellings[1..];
                }
            }
        }
        return spellings[1..];
    }

    /// <summary>True if some phrase spelling starts somewhere in the term; decided without allocating.</summary>
    static bool HoldsPhrase(string folded)
    {
        for (int at = 0; at + 1 < folded.Length; at++)
        {
            if (!StartsPhrase[folded[at]] || !ContinuesPhrase[folded[at + 1]]) continue;
            foreach (var (from, _) in SwapsByFirst[folded[at]])
                if (folded.AsSpan(at).StartsWith(from, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    /// <summary>Which characters stand at this index of some phrase spelling (each is two characters or more).</summary>
    static bool[] Characters(int index)
    {
        var table = new bool[65536];
        foreach (var (from, _) in SwapsByFirst.Values.SelectMany(s => s)) table[from[index]] = true;
        return table;
    }

    static Dictionary<char, (string From, string To)[]> Load()
    {
        var swaps = new List<(string From, string To)>();
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(Resource);
        if (stream is null) return [];
        using var reader = new StreamReader(stream, Encoding.UTF8);
        int number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0 || line[0] == '#') continue;
            var parts = line.Split('\t');
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
                throw new InvalidDataException($"{Resource}, line {number}: expected <traditional><TAB><simplified>, got '{line}'");
            // Folded as terms are; a pair that folds alike needs no swap (the table is made for t2s.txt, this keeps it honest).
            var (traditional, simplified) = (MatchText.Normalize(parts[0]), MatchText.Normalize(parts[1]));
            if (traditional == simplified) continue;
            if (traditional.Length < 2 || simplified.Length < 2)
                throw new InvalidDataException($"{Resource}, line {number}: a phrase has two characters or more (single characters belong in t2s.txt), got '{line}'");
            swaps.Add((traditional, simplified));
            swaps.Add((simplified, traditional));
        }
        return swaps.Distinct().GroupBy(s => s.From[0]).ToDictionary(g => g.Key, g => g.ToArray());
    }
}
