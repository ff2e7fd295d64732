using BorderAlerts.Core.Rules.Query;

namespace BorderAlerts.Core.Search;

/// <summary>A word or phrase of a search that searched a whole concept.</summary>
public sealed record Expansion(string Term, string Concept);

/// <summary>A search's query, parsed with its aliases widened, and what was widened.</summary>
public sealed record ExpandedQuery(QueryNode Query, IReadOnlyList<Expansion> Expanded);

/// <summary>
/// Search across languages: a bare word, or a run of bare words, that is an alias of a concept (<see cref="ConceptAliases"/>)
/// searches the whole concept, as if the searcher had typed <c>@concept</c>, so <c>Dandong</c> also finds 丹東 and 단둥.
/// Rules:
/// - the longest run first (<c>North Korea</c> is one alias, not North + Korea); an alias of several concepts searches
///   their union;
/// - only words side by side make a run: <c>AND</c>, <c>OR</c>, parentheses, quotes and regexes end it, and a word after
///   <c>title:</c> or <c>text:</c> is widened alone (the scope applies to it only) and keeps its scope;
/// - what <c>NOT</c> or <c>-</c> excludes stays as typed: <c>Dandong -丹东</c> means Dandong but not that spelling, and
///   widening the 丹东 would exclude every Dandong;
/// - "quoted" words, regexes, <c>@concept</c> and the values of <c>source:</c>, <c>lang:</c>, <c>since:</c> stay as typed.
/// Only search widens; rules keep their literal terms.
/// </summary>
public static class ConceptExpansion
{
    public static ExpandedQuery Parse(string query, IReadOnlyDictionary<string, IReadOnlyList<string>> concepts, Rules.ListConcepts.WatchlistConcepts? watchlists = null)
    {
        var tokens = QueryLexer.Tokenize(query);
        var aliases = ConceptAliases.For(concepts);
        var negated = Negated(tokens);
        var rewritten = new List<Token>(tokens.Count);
        var expanded = new List<Expansion>();
        for (int i = 0; i < tokens.Count;)
        {
            var run = Widenable(tokens, i) && !negated[i] ? RunLength(tokens, i, aliases.MaxWords) : 0;
            var (length, names) = Longest(tokens, i, run, aliases);
            if (length == 0) { rewritten.Add(tokens[i++]); continue; }
            var term = Text(query, tokens[i], tokens[i + length - 1]);
            expanded.AddRange(names.Select(name => new Expansion(term, name)));
            rewritten.AddRange(ConceptTokens(names, tokens[i].Column));
            i += length;
        }
        return new ExpandedQuery(QueryParser.Parse(rewritten, concepts, watchlists), expanded.Distinct().ToList());
    }

    /// <summary>The longest run from <paramref name="start"/> (at most <paramref name="run"/> words) that is an alias.</summary>
    static (int Length, IReadOnlyList<string> Names) Longest(List<Token> tokens, int start, int run, ConceptAliases aliases)
    {
        for (int length = run; length > 0; length--)
        {
            var words = tokens.Skip(start).Take(length).ToList();
            if (words.SkipLast(1).Any(w => w.Text.EndsWith('*'))) continue; // a wildcard only ends a phrase
            var names = aliases.Find(string.Join(' ', words.Select(w => w.Text)));
            if (names.Count > 0) return (length, names);
        }
        return (0, []);
    }

    /// <summary>A word outside quotes, regexes and filter values.</summary>
    static bool Widenable(List<Token> tokens, int i) =>
        tokens[i].Kind == TokenKind.Word && !(i > 0 && tokens[i - 1] is { Kind: TokenKind.Field, Text: not ("title" or "text") });

    /// <summary>Which tokens a NOT or - applies to: the next primary, a whole parenthesis included.</summary>
    static bool[] Negated(List<Token> tokens)
    {
        var negated = new bool[tokens.Count];
        var outer = new Stack<bool>();
        bool inside = false, pending = false;
        for (int i = 0; i < tokens.Count; i++)
        {
            negated[i] = inside || pending;
            switch (tokens[i].Kind)
            {
                case TokenKind.Not or TokenKind.Minus: pending = true; break;
                case TokenKind.Field: break; // -title:x: the NOT reaches past the scope
                case TokenKind.LParen: outer.Push(inside); inside = negated[i]; pending = false; break;
                case TokenKind.RParen: inside = outer.Count > 0 && outer.Pop(); pending = false; break;
                default: pending = false; break;
            }
        }
        return negated;
    }

    /// <summary>How many words from <paramref name="i"/> may be read as one phrase: one after a field scope.</summary>
    static int RunLength(List<Token> tokens, int i, int max)
    {
        if (i > 0 && tokens[i - 1].Kind == TokenKind.Field) return 1;
        int length = 1;
        while (length < max && tokens[i + length].Kind == TokenKind.Word) length++;
        return length;
    }

    /// <summary><c>@name</c>, or <c>(@a OR @b)</c> for a union, placed where the words were so errors keep their column.</summary>
    static IEnumerable<Token> ConceptTokens(IReadOnlyList<string> names, int column)
    {
        if (names.Count == 1) return [new Token(TokenKind.Concept, names[0], column)];
        var union = new List<Token> { new(TokenKind.LParen, "(", column) };
        foreach (var name in names)
        {
            if (union.Count > 1) union.Add(new Token(TokenKind.Or, "OR", column));
            union.Add(new Token(TokenKind.Concept, name, column));
        }
        union.Add(new Token(TokenKind.RParen, ")", column));
        return union;
    }

    /// <summary>The words as the searcher typed them, spacing included.</summary>
    static string Text(string query, Token first, Token last) => query[(first.Column - 1)..(last.Column - 1 + last.Text.Length)];
}
