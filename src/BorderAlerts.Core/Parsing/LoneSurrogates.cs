using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace BorderAlerts.Core.Parsing;

/// <summary>
/// A UTF-16 surrogate without its partner is not text: the normaliser and PostgreSQL reject it, and one such
/// character used to cost the whole feed. It becomes U+FFFD wherever it can enter: raw in a string, as a JSON
/// <c>\ud800</c> escape, or as an XML <c>&amp;#xD800;</c> reference. Surrogate pairs are kept.
/// </summary>
internal static partial class LoneSurrogates
{
    const char Replacement = '\uFFFD';

    [GeneratedRegex(@"\\u[dD][89a-fA-F]")]
    private static partial Regex AnySurrogateEscape();

    // Every backslash escape is consumed in order, so "\\ud800" (an escaped backslash, then text) is left alone.
    [GeneratedRegex(@"\\(?:u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|(u[dD][89a-fA-F][0-9a-fA-F]{2})|.)", RegexOptions.Singleline)]
    private static partial Regex JsonEscape();

    [GeneratedRegex(@"&#(?:[xX]0*([dD][89a-fA-F][0-9a-fA-F]{2})|0*(5[5-7][0-9]{3}));")]
    private static partial Regex XmlSurrogateReference();

    /// <summary>The text with each unpaired surrogate replaced by U+FFFD.</summary>
    public static string Replace(string text)
    {
        var first = text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF');
        if (first < 0) return text;
        var builder = new StringBuilder(text.Length).Append(text, 0, first);
        for (int i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) builder.Append(c).Append(text[++i]);
            else builder.Append(char.IsSurrogate(c) ? Replacement : c);
        }
        return builder.ToString();
    }

    public static string? ReplaceOrNull(string? text) => text is null ? null : Replace(text);

    /// <summary>JSON text with each <c>\uXXXX</c> escape of an unpaired surrogate turned into <c>\uFFFD</c>.</summary>
    public static string InJsonEscapes(string json) => !AnySurrogateEscape().IsMatch(json) ? json
        : JsonEscape().Replace(json, m => m.Groups[1].Success ? @"\uFFFD" : m.Value);

    /// <summary>XML text with each character reference to a surrogate (never a legal XML character) turned into U+FFFD's.</summary>
    public static string InXmlReferences(string xml) => !xml.Contains("&#", StringComparison.Ordinal) ? xml
        : XmlSurrogateReference().Replace(xml, m => m.Groups[2].Success && int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) is < 0xD800 or > 0xDFFF
            ? m.Value : "&#xFFFD;");
}
