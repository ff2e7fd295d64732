using System.Text;
using System.Text.Unicode;
using System.Text.RegularExpressions;

namespace BorderAlerts.Core.Parsing;

public sealed record DecodedText(string Text, string EncodingName, string DecidedBy, bool Lossy);

/// <summary>
/// Decoding stage. Trust order: HTTP charset, byte-order mark, XML declaration, HTML meta. A declaration
/// that the bytes contradict (invalid sequences) is passed over; valid multi-byte UTF-8 beats a single-byte
/// declaration. UTF-16 or UTF-32 without a byte-order mark is recognised by its first bytes (XML 1.0 Appendix F:
/// <c>00 3C 00 3F</c> is UTF-16BE), ahead of any label, since no ASCII-compatible reading of such bytes is text.
/// Undeclared legacy bytes are read in the source language's usual encoding.
/// </summary>
public static partial class TextDecoder
{
    [GeneratedRegex("""charset\s*=\s*["']?([A-Za-z0-9_:.\-]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetParam();

    [GeneratedRegex("""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.\-]+)["']""", RegexOptions.IgnoreCase)]
    private static partial Regex XmlDeclaration();

    [GeneratedRegex("""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_:.\-]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharset();

    [GeneratedRegex("""<(?:[A-Za-z]+:)?language>\s*([A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*)\s*<|\bxml:lang\s*=\s*["']([A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*)["']""")]
    private static partial Regex DeclaredLanguage();

    /// <summary>The feed's configured language, or else the one its own <c>&lt;language&gt;</c> or <c>xml:lang</c> declares, guides the guess for undeclared bytes.</summary>
    public static DecodedText Decode(ReadOnlySpan<byte> body, string? contentType, string? language)
    {
        var head = Encoding.Latin1.GetString(body[..Math.Min(body.Length, 4096)]);
        language ??= DeclaredLanguage().Match(head) is { Success: true } declared
            ? (declared.Groups[1].Success ? declared.Groups[1].Value : declared.Groups[2].Value) : null;
        var candidates = Candidates(body, head, contentType);
        bool validUtf8 = Utf8.IsValid(body);
        foreach (var (codePage, by) in candidates)
        {
            if (codePage == 1252 && validUtf8 && !Ascii.IsValid(body)) break; // a Latin-1 label on UTF-8 bytes: wrong label
            if (codePage == 1252 && IsCjk(language) && !Ascii.IsValid(body) && by == "http charset") continue; // a server default, not the page's choice
            if (TryStrict(body, codePage, out var text)) return new(text, Name(codePage), by, false);
        }
        if (validUtf8) return new(Strip(Encoding.UTF8.GetString(body)), "utf-8", "valid utf-8", false);
        foreach (var codePage in CharsetNames.GuessesFor(language, body))
            if (TryStrict(body, codePage, out var text)) return new(text, Name(codePage), $"guess for language '{language}'", false);
        var fallback = candidates.Count > 0 ? candidates[0].CodePage : 65001;
        return new(Strip(CharsetNames.Lenient(fallback).GetString(body)), Name(fallback), "lossy fallback", true);
    }

    static List<(int CodePage, string By)> Candidates(ReadOnlySpan<byte> body, string head, string? contentType)
    {
        var list = new List<(int, string)>();
        void Add(int? codePage, string by) { if (codePage is { } cp && !list.Exists(c => c.Item1 == cp)) list.Add((cp, by)); }
        Add(WideWithoutBom(body), "first bytes");
        if (contentType is not null && CharsetParam().Match(contentType) is { Success: true } http)
            Add(CharsetNames.CodePage(http.Groups[1].Value), "http charset");
        if (body.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) Add(65001, "bom");
        else if (body.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00])) Add(12000, "bom");
        else if (body.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF])) Add(12001, "bom");
        else if (body.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) Add(1200, "bom");
        else if (body.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) Add(1201, "bom");
        if (XmlDeclaration().Match(head) is { Success: true } xml) Add(CharsetNames.CodePage(xml.Groups[1].Value), "xml declaration");
        if (MetaCharset().Match(head) is { Success: true } meta) Add(CharsetNames.CodePage(meta.Groups[1].Value), "html meta");
        return list;
    }

    /// <summary>A body that opens with '&lt;' in a 16- or 32-bit encoding and no byte-order mark (XML 1.0 Appendix F).</summary>
    static int? WideWithoutBom(ReadOnlySpan<byte> body) => body.Length < 4 ? null : (body[0], body[1], body[2], body[3]) switch
    {
        (0x00, 0x00, 0x00, 0x3C) => 12001,
        (0x3C, 0x00, 0x00, 0x00) => 12000,
        (0x00, 0x3C, 0x00, _) => 1201,
        (0x3C, 0x00, _, 0x00) => 1200,
        _ => null,
    };

    static bool TryStrict(ReadOnlySpan<byte> body, int codePage, out string text)
    {
        try { text = Strip(CharsetNames.Strict(codePage).GetString(body)); return true; }
        catch (DecoderFallbackException) { text = ""; return false; }
    }

    static bool IsCjk(string? language) => language is { Length: >= 2 } l && (l.StartsWith("ko") || l.StartsWith("zh") || l.StartsWith("ja"));

    static string Strip(string text) => text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;

    static string Name(int codePage) => codePage switch
    {
        1200 => "utf-16le", 1201 => "utf-16be", 12000 => "utf-32le", 12001 => "utf-32be",
        _ => CharsetNames.Lenient(codePage).WebName,
    };
}
