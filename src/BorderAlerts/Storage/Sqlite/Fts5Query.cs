using BorderAlerts.Core.Rules.Query;
using BorderAlerts.Core.Search;

namespace BorderAlerts.Storage.Sqlite;

/// <summary>Renders a <see cref="SearchExpression"/> as an FTS5 MATCH string; every token is quoted, so no query word is syntax.</summary>
internal static class Fts5Query
{
    public static string Render(SearchExpression expression) => expression switch
    {
        TokenPhrase phrase => $"{Columns(phrase)} : \"{string.Join(' ', phrase.Tokens).Replace("\"", "\"\"")}\"{(phrase.Prefix ? "*" : "")}",
        AllOf all => string.Join(" AND ", all.Children.Select(c => $"({Render(c)})")),
        AnyOf any => string.Join(" OR ", any.Children.Select(c => $"({Render(c)})")),
        _ => throw new ArgumentOutOfRangeException(nameof(expression)),
    };

    static string Columns(TokenPhrase phrase)
    {
        var suffix = phrase.Unigram ? "_u" : "_w";
        return phrase.Fields switch
        {
            Fields.Title => "title" + suffix,
            Fields.Text => "text" + suffix,
            _ => $"{{title{suffix} text{suffix}}}",
        };
    }
}
