using System.Reflection;
using System.Text.RegularExpressions;
using BorderAlerts.Core.Text;

namespace BorderAlerts.Core.Rules.ListConcepts;

/// <summary>
/// The ways news writes a listed name. People: OFAC's "LAST, First" as "First Last" and "Last First", the UN's
/// family-first "RI WON HO" also given-name first; hyphens, spaces and case fold alike in the matcher. Korean names in
/// Hangul: the DPRK spelling of the given name's first syllable also in the ROK one (최룡해 → 최용해; the surname's is
/// folded by the matcher itself). Firms: also without their legal form (<see cref="LegalForms"/>).
/// </summary>
public static partial class NameForms
{
    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’][\p{L}]+)?")]
    private static partial Regex WordPattern();

    static readonly Lazy<HashSet<string>> Common = new(LoadCommonWords);

    public static IReadOnlyList<string> Words(string name) => WordPattern().Matches(name).Select(m => m.Value).ToArray();

    /// <summary>True when every Latin word of the name is a common word of the evaluation corpus (digits aside).</summary>
    public static bool AllCommon(IReadOnlyList<string> words)
    {
        var letters = words.Where(w => !w.All(char.IsDigit)).ToList();
        return letters.Count > 0 && letters.All(w => Common.Value.Contains(w.ToLowerInvariant()));
    }

    /// <summary>Words that are not numbers: "NAM SAN 8" has two.</summary>
    public static int LetterWords(IReadOnlyList<string> words) => words.Count(w => !w.All(char.IsDigit));

    /// <summary>The forms of a person's name news writes; OFAC's "LAST, First" itself is not one of them.</summary>
    public static IEnumerable<string> Person(string name)
    {
        var comma = name.IndexOf(',');
        if (comma > 0 && name[(comma + 1)..].Trim() is { Length: > 0 } given)
        {
            var family = name[..comma].Trim();
            yield return $"{given} {family}";
            yield return $"{family} {given}";
            yield break;
        }
        yield return name;
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length >= 2 && words.All(ConceptLabels.IsLatin)) yield return string.Join(' ', words[1..]) + " " + words[0];
        if (RokGivenName(name) is { } rok) yield return rok;
    }

    /// <summary>
    /// A Hangul name of three syllables (family name, then given name) with the given name's first syllable in its ROK
    /// spelling (최룡해 → 최용해), or null when that changes nothing.
    /// </summary>
    static string? RokGivenName(string name)
    {
        var compact = name.Replace(" ", "");
        if (compact.Length != 3 || !compact.All(HangulInitials.IsSyllable)) return null;
        var folded = HangulInitials.FoldWordInitial(compact[1]);
        return folded == compact[1] ? null : $"{compact[0]}{folded}{compact[2]}";
    }

    static HashSet<string> LoadCommonWords()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("BorderAlerts.Core.Rules.ListConcepts.common-words.txt")
            ?? throw new InvalidOperationException("common-words.txt is not embedded");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line) if (line.Length > 0 && line[0] != '#') words.Add(line.Trim());
        return words;
    }
}
