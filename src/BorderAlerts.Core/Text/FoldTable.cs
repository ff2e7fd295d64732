using System.Globalization;
using System.Reflection;
using System.Text;

namespace BorderAlerts.Core.Text;

/// <summary>
/// Per-character folding for matching, built once: NFKC (single-character results), case folding, Latin diacritics
/// removed, traditional → simplified Chinese, dashes and separators → space. One table lookup per character keeps the
/// matcher allocation-free; characters whose NFKC form is longer than one character (or composes with the one before)
/// are flagged: the matcher scans a plain expansion (… → "...", <see cref="InlineForm"/>) in place, and normalises the
/// rare text that holds any other in full first. In the table they read as <see cref="Marked"/>.
/// </summary>
public static partial class FoldTable
{
    public const char Space = ' ';
    /// <summary>Folded form of invisible characters (soft hyphen, zero-width and bidi marks): they are skipped, so "sanc&#173;tions" is "sanctions".</summary>
    public const char Drop = '\uFFFF';
    /// <summary>Table entry of characters that expand (and of U+FFFE): their folded form is in <see cref="MarkedFolds"/>.</summary>
    internal const char Marked = '\uFFFE';
    static readonly char[] Folded = new char[65536];
    static readonly bool[] Expanding = new bool[65536];
    static readonly Dictionary<char, char> MarkedFolds = [];

    static FoldTable()
    {
        var traditional = LoadTraditionalToSimplified();
        for (int c = 0; c < 65536; c++)
        {
            var ch = (char)c;
            if (char.IsSurrogate(ch)) { Folded[c] = ch; continue; }
            var nfkc = Nfkc(ch);
            RecordNfkc(ch, nfkc);
            if (IsInvisible(ch)) { Folded[c] = Drop; continue; }
            var folded = FoldOne(ch, nfkc, traditional, out var expands);
            Folded[c] = expands || folded == Marked ? Marked : folded;
            if (Folded[c] == Marked) MarkedFolds[ch] = folded;
            Expanding[c] = expands;
        }
        FindSingleClusters();
        FindInlineForms();
    }

    /// <summary>NFKC of the character alone; null where .NET refuses to normalise it.</summary>
    static string? Nfkc(char ch)
    {
        if (ch < 0x80) return null;
        try { return ch.ToString().Normalize(NormalizationForm.FormKC); }
        catch (ArgumentException) { return null; }
    }

    /// <summary>The folded form of one character.</summary>
    public static char Fold(char c) => Folded[c] is var folded && folded != Marked ? folded : MarkedFolds[c];

    /// <summary>The table entry: the folded form, <see cref="Drop"/>, or <see cref="Marked"/> (then ask <see cref="Fold"/>).</summary>
    internal static char Entry(char c) => Folded[c];

    /// <summary>True if NFKC turns this character into several (ligatures, ㈜, half-width voiced kana).</summary>
    public static bool Expands(char c) => Expanding[c];

    public static bool IsSpace(char folded) => folded == Space;

    static char FoldOne(char ch, string? nfkc, Dictionary<char, char> traditional, out bool expands)
    {
        expands = false;
        if (ch < 0x80)
            return ch is >= 'A' and <= 'Z' ? (char)(ch + 32) : IsSeparator(ch) ? Space : ch;
        if (IsInvisible(ch)) return Drop;
        if (IsSeparator(ch)) return Space;
        if (nfkc is null) return ch;
        if (nfkc.Length != 1) { expands = nfkc.Length > 1; return ch; }
        // Combining marks compose with the character before them (ﾄ+ﾞ → ド, e+◌́ → é): that needs NFKC over the whole text.
        if (ComposesWithPrevious(ch)) expands = true;
        var c = char.ToLowerInvariant(nfkc[0]);
        if (IsSeparator(c)) return Space;
        c = StripDiacritic(c);
        return traditional.TryGetValue(c, out var simplified) ? simplified : c;
    }

    static bool IsSeparator(char c) => char.IsWhiteSpace(c) || char.IsControl(c) || c switch
    {
        '-' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\uFE58' or '\uFE63' or '\uFF0D'
            or '\u00B7' or '\u30FB' or '\u2027' => true,
        _ => false,
    };

    /// <summary>Soft hyphen, zero-width characters and bidi controls: invisible, so text folding drops them and chat output defuses them.</summary>
    public static bool IsInvisible(char c) => c is '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u180E' or '\uFFFF'
        or '\u200E' or '\u200F' or '\u202A' or '\u202B' or '\u202C' or '\u202D' or '\u202E' or '\u2066' or '\u2067' or '\u2068' or '\u2069';

    /// <summary>Conjoining Hangul jamo (NFD Korean) compose into syllables only under NFKC over the whole text.</summary>
    static bool ComposesWithPrevious(char c) => c is >= '\u1100' and <= '\u11FF' or >= '\uA960' and <= '\uA97F' or >= '\uD7B0' and <= '\uD7FF' || c is '\uFF9E' or '\uFF9F' or '\u3099' or '\u309A'
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    /// <summary>Removes combining marks from Latin letters only; Hangul and kana decompositions must stay intact.</summary>
    static char StripDiacritic(char c)
    {
        if (c < 0xC0 || c > 0x24F && (c < 0x1E00 || c > 0x1EFF)) return c;
        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        foreach (var part in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(part) != UnicodeCategory.NonSpacingMark) return part;
        return c;
    }

    static Dictionary<char, char> LoadTraditionalToSimplified()
    {
        var map = new Dictionary<char, char>();
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("BorderAlerts.Core.Text.Data.t2s.txt");
        if (stream is null) return map;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var tab = line.IndexOf('\t');
            // One BMP character each side: the matcher folds UTF-16 units one by one.
            if (tab == 1 && line.Length == 3) map[line[0]] = line[2];
        }
        return map;
    }
}
