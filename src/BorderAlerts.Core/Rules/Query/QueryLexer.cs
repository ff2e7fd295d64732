namespace BorderAlerts.Core.Rules.Query;

public enum TokenKind { Word, Phrase, Regex, LParen, RParen, And, Or, Not, Minus, Concept, Field, End }

public readonly record struct Token(TokenKind Kind, string Text, int Column);

/// <summary>Splits a query into tokens. Control characters and bidi marks count as spaces.</summary>
public static class QueryLexer
{
    public const int MaxQueryLength = 4_000;
    static readonly string[] FieldNames = ["title", "text", "source", "lang", "since"];

    public static List<Token> Tokenize(string query)
    {
        if (query.Length > MaxQueryLength) throw new QuerySyntaxException(1, $"query longer than {MaxQueryLength} characters");
        var tokens = new List<Token>();
        int i = 0;
        while (i < query.Length)
        {
            var c = query[i];
            if (IsSpace(c)) { i++; continue; }
            int start = i;
            switch (c)
            {
                case '(': tokens.Add(new(TokenKind.LParen, "(", i + 1)); i++; break;
                case ')': tokens.Add(new(TokenKind.RParen, ")", i + 1)); i++; break;
                case '"': tokens.Add(new(TokenKind.Phrase, Delimited(query, ref i, '"', "phrase"), start + 1)); break;
                case '/': tokens.Add(new(TokenKind.Regex, Delimited(query, ref i, '/', "regex"), start + 1)); break;
                case '-' when i + 1 < query.Length && !IsSpace(query[i + 1]) && (i == 0 || IsSpace(query[i - 1]) || query[i - 1] == '('):
                    tokens.Add(new(TokenKind.Minus, "-", i + 1)); i++; break;
                case '@': i++; tokens.Add(new(TokenKind.Concept, Word(query, ref i), start + 1)); break;
                default: tokens.Add(Classify(query, ref i, start)); break;
            }
        }
        tokens.Add(new(TokenKind.End, "", query.Length + 1));
        return tokens;
    }

    static Token Classify(string query, ref int i, int start)
    {
        var word = Word(query, ref i);
        var colon = word.IndexOf(':');
        if (colon > 0 && FieldNames.Contains(word[..colon].ToLowerInvariant()))
        {
            i = start + colon + 1;
            return new(TokenKind.Field, word[..colon].ToLowerInvariant(), start + 1);
        }
        return word switch
        {
            "AND" => new(TokenKind.And, word, start + 1),
            "OR" => new(TokenKind.Or, word, start + 1),
            "NOT" => new(TokenKind.Not, word, start + 1),
            _ => new(TokenKind.Word, word, start + 1),
        };
    }

    static string Word(string query, ref int i)
    {
        int start = i;
        while (i < query.Length && !IsSpace(query[i]) && query[i] is not ('(' or ')' or '"')) i++;
        return query[start..i];
    }

    static string Delimited(string query, ref int i, char delimiter, string what)
    {
        int start = i++;
        var end = query.IndexOf(delimiter, i);
        while (delimiter == '/' && end > 0 && query[end - 1] == '\\') end = query.IndexOf(delimiter, end + 1);
        if (end < 0) throw new QuerySyntaxException(start + 1, $"unterminated {what}: no closing {delimiter}");
        i = end + 1;
        return query[(start + 1)..end];
    }

    public static bool IsSpace(char c) => char.IsWhiteSpace(c) || char.IsControl(c) || Text.FoldTable.IsInvisible(c);
}
