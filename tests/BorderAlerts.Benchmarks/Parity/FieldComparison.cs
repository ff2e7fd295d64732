using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using BorderAlerts.Core.Parsing;

namespace BorderAlerts.Benchmarks.Parity;

public enum Field { Links, Titles, Ids, Dates }

/// <summary>Both sides' value of one field, reduced to what a reader would see; equal strings agree.</summary>
public static partial class FieldComparison
{
    public static readonly Field[] All = [Field.Links, Field.Titles, Field.Ids, Field.Dates];

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tag();

    /// <summary>(ours, theirs), or null when the pair says nothing about the field (feedparser has no title and ours was made from the text).</summary>
    public static (string Ours, string Theirs)? Values(Field field, ParsedItem ours, ReferenceItem theirs) => field switch
    {
        Field.Links => (ours.Link?.AbsoluteUri ?? "", Absolute(theirs.Link)),
        Field.Titles => string.IsNullOrWhiteSpace(theirs.Title) ? null : (Text(ours.Title), Text(theirs.Title)),
        Field.Ids => ((ours.Guid ?? "").Trim(), (theirs.Id ?? "").Trim()),
        Field.Dates => (ours.Published?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) ?? "", theirs.Date ?? ""),
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    /// <summary>feedparser resolves links already; this only writes them the way System.Uri does (host case, escaping).</summary>
    static string Absolute(string? link) =>
        string.IsNullOrWhiteSpace(link) ? "" : Uri.TryCreate(link.Trim(), UriKind.Absolute, out var uri) ? uri.AbsoluteUri : link.Trim();

    /// <summary>Titles after entity decoding and whitespace normalisation (ours cut at 1,000 characters).</summary>
    static string Text(string value)
    {
        var text = string.Join(' ', WebUtility.HtmlDecode(Tag().Replace(value, " ")).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.Length > ParseContext.MaxTitle ? text[..ParseContext.MaxTitle] : text;
    }
}
