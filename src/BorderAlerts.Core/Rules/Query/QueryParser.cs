using System.Text.RegularExpressions;
using BorderAlerts.Core.Feeds;
using BorderAlerts.Core.Text;

namespace BorderAlerts.Core.Rules.Query;

/// <summary>
/// Recursive-descent parser for docs/query-language.md. Errors carry the column and what was expected; nesting is
/// bounded so a hostile query cannot exhaust the stack.
/// </summary>
public sealed class QueryParser
{
    public const int MaxRegexLength = 200;
    const int MaxDepth = 64;
    readonly List<Token> _tokens;
    readonly IReadOnlyDictionary<string, IReadOnlyList<string>> _concepts;
    readonly IReadOnlyDictionary<string, ListConcepts.WatchlistConcept> _watchlists;
    int _position, _depth;

    QueryParser(List<Token> tokens, IReadOnlyDictionary<string, IReadOnlyList<string>> concepts, ListConcepts.WatchlistConcepts? watchlists)
    {
        _tokens = tokens;
        _concepts = concepts;
        _watchlists = (watchlists ?? ListConcepts.WatchlistConcepts.None).ById;
    }

    public static QueryNode Parse(string query, IReadOnlyDictionary<string, IReadOnlyList<string>>? concepts = null, ListConcepts.WatchlistConcepts? watchlists = null) =>
        Parse(QueryLexer.Tokenize(query), concepts, watchlists);

    /// <summary>
    /// Parses tokens a caller has rewritten (search widens aliases to concepts); they end with an End token. A watchlist's
    /// id is a concept too (<c>@ofac-sdn</c>).
    /// </summary>
    public static QueryNode Parse(List<Token> tokens, IReadOnlyDictionary<string, IReadOnlyList<string>>? concepts = null, ListConcepts.WatchlistConcepts? watchlists = null)
    {
        var parser = new QueryParser(tokens, concepts ?? new Dictionary<string, IReadOnlyList<string>>(), watchlists);
        if (parser.Peek.Kind == TokenKind.End) throw new QuerySyntaxException(1, "empty query: expected a term, phrase, @concept or filter");
        var node = parser.Or();
        if (parser.Peek.Kind == TokenKind.RParen) throw new QuerySyntaxException(parser.Peek.Column, "unbalanced ')': no '(' before it");
        if (parser.Peek.Kind != TokenKind.End) throw new QuerySyntaxException(parser.Peek.Column, $"unexpected '{parser.Peek.Text}'");
        return node;
    }

    Token Peek => _tokens[_position];
    Token Next() => _tokens[_position++];

    QueryNode Or()
    {
        var children = new List<QueryNode> { And() };
        while (Peek.Kind == TokenKind.Or) { var op = Next(); children.Add(Operand(op, And)); }
        return children.Count == 1 ? children[0] : new OrNode(children) { Column = children[0].Column };
    }

    QueryNode And()
    {
        var children = new List<QueryNode> { Unary() };
        while (Peek.Kind is not (TokenKind.Or or TokenKind.RParen or TokenKind.End))
        {
            if (Peek.Kind == TokenKind.And) { var op = Next(); children.Add(Operand(op, Unary)); }
            else children.Add(Unary());
        }
        return children.Count == 1 ? children[0] : new AndNode(children) { Column = children[0].Column };
    }

    QueryNode Operand(Token op, Func<QueryNode> parse)
    {
        if (Peek.Kind is TokenKind.End or TokenKind.RParen or TokenKind.Or or TokenKind.And)
            throw new QuerySyntaxException(Peek.Column, $"expected a term, phrase or '(' after '{op.Text}'");
        return parse();
    }

    QueryNode Unary()
    {
        if (Peek.Kind is TokenKind.Not or TokenKind.Minus)
        {
            var op = Next();
            return Nested(() => new NotNode(Operand(op, Unary)) { Column = op.Column });
        }
        return Primary(Fields.Any);
    }

    QueryNode Primary(Fields fields)
    {
        var token = Next();
        switch (token.Kind)
        {
            case TokenKind.LParen:
                return Nested(() =>
                {
                    if (Peek.Kind == TokenKind.RParen) throw new QuerySyntaxException(Peek.Column, "empty parentheses: expected a term inside");
                    var inner = Or();
                    if (Next().Kind != TokenKind.RParen) throw new QuerySyntaxException(token.Column, "unbalanced '(': no ')' closes it");
                    return fields == Fields.Any ? inner : Scope(inner, fields);
                });
            case TokenKind.Word: return Term(token, token.Text, fields, phrase: false);
            case TokenKind.Phrase: return Term(token, token.Text, fields, phrase: true);
            case TokenKind.Regex: return Regex(token, fields);
            case TokenKind.Concept: return Concept(token, fields);
            case TokenKind.Field: return Field(token);
            case TokenKind.RParen: throw new QuerySyntaxException(token.Column, "unbalanced ')': no '(' before it");
            case TokenKind.End: throw new QuerySyntaxException(token.Column, "expected a term, phrase, @concept or '(' but the query ended");
            default: throw new QuerySyntaxException(token.Column, $"expected a term, phrase or '(' but found '{token.Text}'");
        }
    }

    QueryNode Field(Token field)
    {
        if (field.Text is "title" or "text")
        {
            if (Peek.Kind is TokenKind.End or TokenKind.RParen or TokenKind.And or TokenKind.Or)
                throw new QuerySyntaxException(field.Column, $"expected a term after '{field.Text}:'");
            return Primary(field.Text == "title" ? Fields.Title : Fields.Text);
        }
        var value = Peek.Kind == TokenKind.Word && Peek.Column == field.Column + field.Text.Length + 1 ? Next().Text : "";
        if (value.Length == 0) throw new QuerySyntaxException(field.Column, $"expected a value after '{field.Text}:' (example: {Example(field.Text)})");
        return field.Text switch
        {
            "source" => new FilterNode(FilterKind.Source, value.TrimEnd('*').ToLowerInvariant(), value.EndsWith('*')) { Column = field.Column },
            "lang" => new FilterNode(FilterKind.Lang, value.ToLowerInvariant(), true) { Column = field.Column },
            _ => DurationParser.TryParse(value, out var since)
                ? new FilterNode(FilterKind.Since, value, false, since) { Column = field.Column }
                : throw new QuerySyntaxException(field.Column, $"'{value}' is not a duration (examples: 30m, 12h, 7d)"),
        };
    }

    static string Example(string field) => field switch { "source" => "source:kyodo-zh-hans", "lang" => "lang:ko", _ => "since:7d" };

    static QueryNode Term(Token token, string raw, Fields fields, bool phrase)
    {
        var prefix = !phrase && raw.Length > 1 && raw.EndsWith('*');
        var text = prefix ? raw[..^1] : raw;
        if (!phrase && text.Contains('*')) throw new QuerySyntaxException(token.Column, $"'{raw}': only a trailing * is allowed");
        var normalized = MatchText.Normalize(text);
        if (normalized.Length == 0) throw new QuerySyntaxException(token.Column, $"'{raw}' has nothing to match once normalised");
        if (normalized.Length > Matching.Automaton.MaxPatternLength)
            throw new QuerySyntaxException(token.Column, $"term longer than {Matching.Automaton.MaxPatternLength} characters");
        return new TermNode(raw, normalized, fields, prefix) { Column = token.Column };
    }

    static QueryNode Regex(Token token, Fields fields)
    {
        if (token.Text.Length == 0) throw new QuerySyntaxException(token.Column, "empty regex");
        if (token.Text.Length > MaxRegexLength) throw new QuerySyntaxException(token.Column, $"regex longer than {MaxRegexLength} characters");
        try
        {
            var regex = new Regex(token.Text, RegexOptions.NonBacktracking | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
            return new RegexNode(token.Text, regex, fields) { Column = token.Column };
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            throw new QuerySyntaxException(token.Column, $"regex not accepted: {e.Message.Split(Environment.NewLine)[0]}");
        }
    }

    QueryNode Concept(Token token, Fields fields)
    {
        var name = token.Text.ToLowerInvariant();
        if (_watchlists.TryGetValue(name, out var list)) return list.ToQuery(fields, token.Column);
        if (!_concepts.TryGetValue(name, out var aliases))
        {
            var known = string.Join(", ", _concepts.Keys.Concat(_watchlists.Keys).Order().Take(12).Select(k => "@" + k));
            throw new QuerySyntaxException(token.Column, $"unknown concept '@{token.Text}'" + (known.Length > 0 ? $" (known: {known}{(_concepts.Count + _watchlists.Count > 12 ? ", …" : "")})" : ""));
        }
        var terms = aliases.Select(alias => (TermNode)Term(token, alias, fields, phrase: !alias.EndsWith('*'))).ToList();
        return new ConceptNode(name, terms, fields) { Column = token.Column };
    }

    static QueryNode Scope(QueryNode node, Fields fields) => node switch
    {
        TermNode t => t with { Fields = fields },
        ConceptNode c => c with { Fields = fields, Aliases = c.Aliases.Select(a => a with { Fields = fields }).ToList() },
        RegexNode r => r with { Fields = fields },
        AndNode a => a with { Children = a.Children.Select(c => Scope(c, fields)).ToList() },
        OrNode o => o with { Children = o.Children.Select(c => Scope(c, fields)).ToList() },
        NotNode n => n with { Child = Scope(n.Child, fields) },
        NearNode n => n with { Subject = Scope(n.Subject, fields), Context = Scope(n.Context, fields) },
        _ => node,
    };

    QueryNode Nested(Func<QueryNode> parse)
    {
        if (++_depth > MaxDepth) throw new QuerySyntaxException(Peek.Column, $"nested more than {MaxDepth} levels deep");
        try { return parse(); }
        finally { _depth--; }
    }
}
