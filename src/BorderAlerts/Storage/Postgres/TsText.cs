using System.Text;
using BorderAlerts.Core.Rules.Query;
using BorderAlerts.Core.Search;

namespace BorderAlerts.Storage.Postgres;

/// <summary>
/// The search index in PostgreSQL's own literal syntax, built from <see cref="SearchTokens"/> and cast with ::tsvector
/// and ::tsquery, so no text-search parser splits CJK again. An item is one tsvector: words and CJK bigrams at their
/// token positions (title weighted A from 1, text weighted B after a one-position gap, so no phrase spans the two),
/// and the single CJK characters, which never equal a word or bigram token. A query is a necessary condition, so
/// PostgreSQL's limits are marked, not silently lost: past 16,383 positions or 256 of one lexeme an item carries
/// <c>~pos</c> and its phrases match as plain ANDs; past 1 MB of lexemes it carries <c>~all</c> and every search
/// checks it.
/// </summary>
internal static class TsText
{
    const int MaxPosition = 16383, MaxPositions = 256, MaxLexemeBytes = 1_000_000, MaxTokenChars = 400;
    const string Loose = "~pos", All = "~all";

    /// <summary>The tsvector literal of an item.</summary>
    public static string Document(string title, string text)
    {
        var (titleWords, titleUnigrams) = SearchTokens.ForDocument(title);
        var (textWords, textUnigrams) = SearchTokens.ForDocument(text);
        var vector = new Vector();
        var next = vector.Add(titleWords, 1, 'A');
        var last = vector.Add(textWords, next + 1, 'B') - 1;
        bool loose = last > MaxPosition || vector.Crowded;
        vector.Add(textUnigrams, vector.Add(titleUnigrams, 1, 'A') + 1, 'B');
        return vector.Render(loose);
    }

    /// <summary>The tsquery literal of a restriction; items too big to index fully are always candidates.</summary>
    public static string Query(SearchExpression restriction) => $"({Render(restriction)}) | '{All}'";

    static string Render(SearchExpression expression) => expression switch
    {
        TokenPhrase phrase => Phrase(phrase),
        AllOf all => string.Join(" & ", all.Children.Select(c => $"({Render(c)})")),
        AnyOf any => string.Join(" | ", any.Children.Select(c => $"({Render(c)})")),
        _ => throw new ArgumentOutOfRangeException(nameof(expression)),
    };

    static string Phrase(TokenPhrase phrase)
    {
        var weight = phrase.Fields switch { Fields.Title => "A", Fields.Text => "B", _ => "" };
        var operands = phrase.Tokens.Select((token, i) =>
        {
            var modifiers = (phrase.Prefix && i == phrase.Tokens.Count - 1 ? "*" : "") + weight;
            return Quote(token) + (modifiers.Length > 0 ? ":" + modifiers : "");
        }).ToList();
        if (operands.Count == 1) return operands[0];
        // A CJK word is a chain of overlapping bigrams (鸭绿江: 鸭绿 绿江), which all but never occur apart in one item:
        // their AND is answered from the GIN index alone, where <-> makes PostgreSQL detoast and recheck every matching
        // row's positions (most of a 3+-character query's time). The exact check after the index still decides.
        return IsBigramChain(phrase.Tokens) ? string.Join(" & ", operands)
            : $"({string.Join(" <-> ", operands)}) | ({string.Join(" & ", operands)} & '{Loose}')";
    }

    static bool IsBigramChain(IReadOnlyList<string> tokens) =>
        tokens.All(t => t.Length == 2 && !char.IsAsciiLetterOrDigit(t[0])) && tokens.Zip(tokens.Skip(1)).All(p => p.First[1] == p.Second[0]);

    /// <summary>A lexeme in quotes; quotes doubled and backslashes escaped, as both literal syntaxes read them.</summary>
    static string Quote(string token) => "'" + Cut(token).Replace("\\", "\\\\").Replace("'", "''") + "'";

    /// <summary>PostgreSQL refuses lexemes over 2 KB; documents and queries cut long tokens alike, so they still meet.</summary>
    static string Cut(string token)
    {
        if (token.Length <= MaxTokenChars) return token;
        var end = char.IsHighSurrogate(token[MaxTokenChars - 1]) ? MaxTokenChars - 1 : MaxTokenChars;
        return token[..end];
    }

    /// <summary>Lexemes with their positions, in first-seen order, within PostgreSQL's limits.</summary>
    sealed class Vector
    {
        readonly Dictionary<string, List<(int Position, char Weight)>> _lexemes = new(StringComparer.Ordinal);
        int _bytes;
        bool _full;

        /// <summary>Some word or bigram occurs more often than PostgreSQL keeps positions for.</summary>
        public bool Crowded { get; private set; }

        /// <summary>Adds space-separated tokens from <paramref name="position"/> on; returns the position after the last.</summary>
        public int Add(string tokens, int position, char weight)
        {
            foreach (var token in tokens.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var lexeme = Cut(token);
                if (!_lexemes.TryGetValue(lexeme, out var positions))
                {
                    var bytes = Encoding.UTF8.GetByteCount(lexeme);
                    if (_bytes + bytes > MaxLexemeBytes) { _full = true; position++; continue; }
                    _bytes += bytes;
                    _lexemes[lexeme] = positions = [];
                }
                if (positions.Count < MaxPositions) positions.Add((Math.Min(position, MaxPosition), weight));
                else Crowded = true;
                position++;
            }
            return position;
        }

        public string Render(bool loose)
        {
            var literal = new StringBuilder();
            foreach (var (lexeme, positions) in _lexemes)
            {
                literal.Append(Quote(lexeme)).Append(':');
                literal.AppendJoin(',', positions.Select(p => $"{p.Position}{p.Weight}"));
                literal.Append(' ');
            }
            if (loose) literal.Append($"'{Loose}':1 ");
            if (_full) literal.Append($"'{All}':1 ");
            return literal.ToString();
        }
    }
}
