using System.Text;
using static BorderAlerts.Benchmarks.Search.SearchVocabulary;

namespace BorderAlerts.Benchmarks.Search;

/// <summary>
/// A language's vocabulary with Zipf-like word frequencies (rank r drawn with weight 1/(r + 2.7)): the hand-written
/// head first, border and sanctions words spread over ranks 150–3,000, then generated tail words to the vocabulary size.
/// Sentences join words with spaces (English, Korean) or without (Chinese, Japanese), with the script's punctuation.
/// </summary>
internal sealed class LanguageModel
{
    readonly string[] _words;
    readonly double[] _cumulative;
    readonly string[] _topic;
    readonly bool _spaced;
    readonly string[] _suffixes;
    readonly (string Comma, string Stop) _punctuation;

    LanguageModel(IReadOnlyList<string> head, string[] topic, Func<string> tail, int size, bool spaced, string[] suffixes, (string, string) punctuation)
    {
        var words = new List<string>(head);
        var seen = new HashSet<string>(head.Concat(topic));
        while (words.Count < size) if (tail() is var w && seen.Add(w)) words.Add(w);
        for (int i = 0; i < topic.Length; i++) words.Insert(Math.Min(words.Count, 150 + i * 2850 / topic.Length), topic[i]);
        _words = [.. words];
        _cumulative = new double[_words.Length];
        double sum = 0;
        for (int r = 0; r < _words.Length; r++) _cumulative[r] = sum += 1.0 / (r + 1 + 2.7);
        _topic = topic;
        _spaced = spaced;
        _suffixes = suffixes;
        _punctuation = punctuation;
    }

    public static Dictionary<string, LanguageModel> All(Random random)
    {
        var hanzi = Zipf(CodePage(936, 0xB0, 0xD7), random, 1.0);
        var hangul = Zipf(CodePage(949, 0xB0, 0xC8), random, 0.9);
        var kanji = Zipf(CodePage(51932, 0xB0, 0xCF), random, 1.0);
        var katakana = Enumerable.Range(0x30A1, 0x30F3 - 0x30A1).Select(c => (char)c).ToArray();
        string Hanzi(int n) => new(Enumerable.Range(0, n).Select(_ => hanzi(random)).ToArray());
        string Hangul(int n) => new(Enumerable.Range(0, n).Select(_ => hangul(random)).ToArray());
        string Latin()
        {
            var b = new StringBuilder();
            for (int s = 1 + random.Next(3); s > 0; s--) b.Append(Pick(random, Onsets)).Append(Pick(random, Vowels));
            return b.Append(Pick(random, Codas.Split(' '))).ToString();
        }
        var ko = Split(KoreanTopic);
        var particles = Split(Particles);
        return new()
        {
            ["en"] = new(Split(EnglishHead), Split(EnglishTopic), Latin, 50_000, true, [], (",", ".")),
            ["zh-Hans"] = new(Split(ChineseHead), Split(ChineseTopic), () => Hanzi(random.Next(20) switch { 0 => 1, 1 => 4, < 4 => 3, _ => 2 }),
                40_000, false, [], ("，", "。")),
            ["ko"] = new(Split(KoreanHead), ko, () => Hangul(2 + random.Next(2)), 40_000, true, particles, (",", ".")),
            ["ko-KP"] = new(Split(KoreanDprkHead), ko, () => Hangul(2 + random.Next(2)), 40_000, true, particles, (",", ".")),
            ["ja"] = new(Split(JapaneseHead), Split(JapaneseTopic), () => random.Next(3) == 0
                    ? new string(Enumerable.Range(0, 3 + random.Next(3)).Select(_ => katakana[random.Next(katakana.Length)]).ToArray())
                    : new string(Enumerable.Range(0, 2).Select(_ => kanji(random)).ToArray()) + (random.Next(3) == 0 ? Pick(random, Hiragana) : ""),
                30_000, false, [], ("、", "。")),
        };
    }

    /// <summary>Words until about <paramref name="length"/> characters; an on-topic item draws one word in eight from the topic list.</summary>
    public string Sentence(Random random, int length, bool onTopic, bool title)
    {
        var b = new StringBuilder(length + 16);
        int sinceComma = 0;
        while (b.Length < length)
        {
            var word = onTopic && random.Next(8) == 0 ? _topic[random.Next(_topic.Length)] : _words[Rank(random)];
            if (_suffixes.Length > 0 && word.Length >= 2 && !word.EndsWith('다') && random.Next(3) == 0) word += _suffixes[random.Next(_suffixes.Length)];
            if (_spaced && b.Length > 0 && b[^1] != ' ') b.Append(' ');
            b.Append(word);
            if (++sinceComma > 6 + random.Next(12))
            {
                b.Append(!title && random.Next(3) == 0 ? _punctuation.Stop : _punctuation.Comma);
                sinceComma = 0;
            }
        }
        if (!title) b.Append(_punctuation.Stop);
        if (_spaced && b.Length > 0 && char.IsAsciiLetterLower(b[0])) b[0] = char.ToUpperInvariant(b[0]);
        return b.ToString();
    }

    int Rank(Random random)
    {
        var i = Array.BinarySearch(_cumulative, random.NextDouble() * _cumulative[^1]);
        return i >= 0 ? i : Math.Min(~i, _cumulative.Length - 1);
    }

    static string[] Split(string words) => words.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    static string Pick(Random random, string spaced) => Pick(random, Split(spaced));

    static string Pick(Random random, string[] options) => options[random.Next(options.Length)];

    /// <summary>The characters of a double-byte code page's rows (second byte A1–FE): the script's common set.</summary>
    static char[] CodePage(int codePage, int firstRow, int lastRow)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var encoding = Encoding.GetEncoding(codePage, EncoderFallback.ReplacementFallback, new DecoderReplacementFallback("\uFFFD"));
        var chars = new List<char>();
        for (int hi = firstRow; hi <= lastRow; hi++)
            for (int lo = 0xA1; lo <= 0xFE; lo++)
                if (encoding.GetString([(byte)hi, (byte)lo]) is [var c] && char.IsLetter(c)) chars.Add(c);
        return [.. chars];
    }

    /// <summary>A draw from <paramref name="chars"/> in a shuffled order with Zipf weights (exponent <paramref name="s"/>).</summary>
    static Func<Random, char> Zipf(char[] chars, Random random, double s)
    {
        var order = chars.OrderBy(_ => random.Next()).ToArray();
        var cumulative = new double[order.Length];
        double sum = 0;
        for (int r = 0; r < order.Length; r++) cumulative[r] = sum += Math.Pow(r + 1 + 2.7, -s);
        return rnd =>
        {
            var i = Array.BinarySearch(cumulative, rnd.NextDouble() * cumulative[^1]);
            return order[i >= 0 ? i : Math.Min(~i, order.Length - 1)];
        };
    }
}
