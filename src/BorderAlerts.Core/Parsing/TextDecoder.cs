using System.Text;
using System.Text.Unicode;
using System.Text.RegularExpressions;

namespace BorderAlerts.Core.Parsing;

public sealed record DecodedText(string Text, string EncodingName, string DecidedBy, bool Lossy);

/// <summary>
/// Decoding stage. Trust order: HTTP charset, byte-order mark, XML declaration, HTML meta. A declaration
/// that the bytes contradict (invalid sequences) is passed over; valid multi-byte UTF-8 beats a single-byte
/// declaration. Undeclared legacy bytes are read in the source language's usual encoding.
/// </summary>
public static partial class TextDecoder
{
    [GeneratedRegex("""charset\s*=\s*["']?([A-Za-z0-9_:.\-]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetParam();

    [GeneratedRegex("""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.\-]+)["']""", RegexOptions.IgnoreCase)]
    private static partial Regex XmlDeclaration();

    [GeneratedRegex("""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_:.\-]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharset();

    public static DecodedText Decode(ReadOnlySpan<byte> body, string? contentType, string? language)
    {
        var candidates = Candidates(body, contentType);
        bool validUtf8 = Utf8.IsValid(body);
        foreach (var (codePage, by) in candidates)
        {
            if (codePage == 1252 && validUtf8 && !Ascii.IsValid(body)) break; // a Latin-1 label on UTF-8 bytes: wrong label
            if (codePage == 1252 && IsCjk(language) && !Ascii.IsValid(body) && by == "http charset") continue; // a server default, not the page's choice
            if (TryStrict(body, codePage, out var text)) return new(text, Name(codePage), by, false);
        }
        if (validUtf8) return new(Strip(Encoding.UTF8.GetString(body)), "utf-8", "valid utf-8", false);
        foreach (var codePage in CharsetNames.GuessesFor(language))
            if (TryStrict(body, codePage, out var text)) return new(text, Name(codePage), $"guess for language '{language}'", false);
        var fallback = candidates.Count > 0 ? candidates[0].CodePage : 65001;
        return new(Strip(CharsetNames.Lenient(fallback).GetString(body)), Name(fallback), "lossy fallback", true);
    }

    static List<(int CodePage, string By)> Candidates(ReadOnlySpan<byte> body, string? contentType)
    {
        var list = new List<(int, string)>();
        void Add(int? codePage, string by) { if (codePage is { } cp && !list.Exists(c => c.Item1 == cp)) list.Add((cp, by)); }
        if (contentType is not null && CharsetParam().Match(contentType) is { Success: true } http)
            Add(CharsetNames.CodePage(http.Groups[1].Value), "http charset");
        if (body.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) Add(65001, "bom");
        else if (body.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) Add(1200, "bom");
        else if (body.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) Add(1201, "bom");
        var head = Encoding.Latin1.GetString(body[..Math.Min(body.Length, 4096)]);
        if (XmlDeclaration().Match(head) is { Success: true } xml) Add(CharsetNames.CodePage(xml.Groups[1].Value), "xml declaration");
        if (MetaCharset().Match(head) is { Success: true } meta) Add(CharsetNames.CodePage(meta.Groups[1].Value), "html meta");
        return list;
    }

    static bool TryStrict(ReadOnlySpan<byte> body, int codePage, out string text)
    {
        try { text = Strip(CharsetNames.Strict(codePage).GetString(body)); return true; }
        catch (DecoderFallbackException) { text = ""; return false; }
    }

    static bool IsCjk(string? language) => language is { Length: >= 2 } l && (l.StartsWith("ko") || l.StartsWith("zh") || l.StartsWith("ja"));

    static string Strip(string text) => text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;

    static string Name(int codePage) => CharsetNames.Lenient(codePage).WebName;
}
