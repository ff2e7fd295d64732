using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace BorderAlerts.Core.Parsing;

/// <summary>
/// RSS 0.91 points at Netscape's DTD, which declares the HTML 4 entities (Latin-1, symbols, specials: <c>&amp;nbsp;</c>,
/// <c>&amp;eacute;</c>, <c>&amp;mdash;</c>…), and other feeds use them without any DTD. DTD processing stays off, so
/// before the XML is read each such reference outside CDATA and comments becomes a character reference. Names that
/// are not HTML 4 entities are left alone and still fail as undeclared (an entity bomb's names among them).
/// </summary>
internal static partial class HtmlEntities
{
    [GeneratedRegex(@"<!\[CDATA\[.*?\]\]>|<!--.*?-->|&([A-Za-z][A-Za-z0-9]{1,9});", RegexOptions.Singleline | RegexOptions.NonBacktracking)]
    private static partial Regex ReferenceOrVerbatim();

    public static string ToCharacterReferences(string xml) =>
        HasNamedReference(xml) ? ReferenceOrVerbatim().Replace(xml, m => m.Groups[1].Success ? Reference(m) : m.Value) : xml;

    static string Reference(Match match)
    {
        if (IsXmlPredefined(match.Groups[1].ValueSpan)) return match.Value;
        var decoded = WebUtility.HtmlDecode(match.Value);
        return decoded == match.Value ? match.Value : string.Concat(decoded.EnumerateRunes().Select(r => $"&#x{r.Value.ToString("X", CultureInfo.InvariantCulture)};"));
    }

    static bool IsXmlPredefined(ReadOnlySpan<char> name) => name is "amp" or "lt" or "gt" or "quot" or "apos";

    /// <summary>A linear look for a named reference other than the five XML predefines, so ordinary feeds are not rewritten.</summary>
    static bool HasNamedReference(string xml)
    {
        for (int at = xml.IndexOf('&'); at >= 0; at = xml.IndexOf('&', at + 1))
        {
            int end = at + 1;
            while (end < xml.Length && end - at <= 10 && char.IsAsciiLetterOrDigit(xml[end])) end++;
            if (end < xml.Length && xml[end] == ';' && end > at + 1 && char.IsAsciiLetter(xml[at + 1]) && !IsXmlPredefined(xml.AsSpan(at + 1, end - at - 1)))
                return true;
        }
        return false;
    }
}
