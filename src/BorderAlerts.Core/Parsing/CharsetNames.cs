using System.Text;

namespace BorderAlerts.Core.Parsing;

/// <summary>Maps declared charset labels to the encoding that real publishers mean by them.</summary>
internal static class CharsetNames
{
    static CharsetNames() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Returns the code page for a label, or null if unknown. Legacy labels widen to their supersets.</summary>
    public static int? CodePage(string? label)
    {
        if (string.IsNullOrWhiteSpace(label)) return null;
        var name = label.Trim().Trim('"', '\'').ToLowerInvariant();
        return name switch
        {
            "utf-8" or "utf8" or "unicode-1-1-utf-8" => 65001,
            "utf-16" or "utf-16le" => 1200,
            "utf-16be" => 1201,
            "utf-32" or "utf-32le" => 12000,
            "utf-32be" => 12001,
            // GB2312 and GBK pages in the wild contain GB18030-only characters; read them all as GB18030.
            "gb2312" or "gbk" or "gb_2312-80" or "x-gbk" or "cp936" or "euc-cn" or "gb18030" or "hz-gb-2312" => 54936,
            "big5" or "big5-hkscs" or "cn-big5" or "x-x-big5" or "cp950" => 950,
            // EUC-KR pages routinely use the Unified Hangul Code extension (CP949).
            "euc-kr" or "ks_c_5601-1987" or "ks_c_5601" or "ksc5601" or "cp949" or "uhc" or "windows-949" => 949,
            "shift_jis" or "shift-jis" or "sjis" or "x-sjis" or "ms_kanji" or "cp932" or "windows-31j" => 932,
            "euc-jp" or "x-euc-jp" or "eucjp" => 51932,
            "iso-8859-1" or "latin1" or "iso8859-1" or "us-ascii" or "ascii" or "windows-1252" or "cp1252" => 1252,
            _ => TryLookup(name),
        };
    }

    static int? TryLookup(string name)
    {
        try { return Encoding.GetEncoding(name).CodePage; }
        catch (ArgumentException) { return null; }
    }

    public static Encoding Strict(int codePage) => codePage switch
    {
        65001 => new UTF8Encoding(false, throwOnInvalidBytes: true),
        1200 => new UnicodeEncoding(false, false, throwOnInvalidBytes: true),
        1201 => new UnicodeEncoding(true, false, throwOnInvalidBytes: true),
        12000 => new UTF32Encoding(false, false, throwOnInvalidCharacters: true),
        12001 => new UTF32Encoding(true, false, throwOnInvalidCharacters: true),
        _ => Encoding.GetEncoding(codePage, EncoderFallback.ReplacementFallback, DecoderFallback.ExceptionFallback),
    };

    public static Encoding Lenient(int codePage) => Encoding.GetEncoding(codePage);

    /// <summary>The usual legacy encodings for a language, likeliest first, for bodies that declare nothing and are not UTF-8.</summary>
    public static int[] GuessesFor(string? language, ReadOnlySpan<byte> body) => (language ?? "").ToLowerInvariant() switch
    {
        var l when l.StartsWith("ko") => [949],
        "zh-hant" or "zh-tw" or "zh-hk" => [950, 54936],
        var l when l.StartsWith("zh") => [54936, 950],
        var l when l.StartsWith("ja") => [932, 51932],
        // Both Cyrillic code pages decode any bytes, so the letters' case decides which one the text is in.
        var l when l.StartsWith("ru") => MostlyLowerCaseInKoi8(body) ? [20866, 1251] : [1251, 20866],
        var l when l.StartsWith("th") => [874], // windows-874: TIS-620 and its punctuation
        var l when l.StartsWith("he") || l.StartsWith("iw") => [1255],
        _ => [1252],
    };

    /// <summary>Running Russian text is mostly lower case, which KOI8-R puts at C0–DF and windows-1251 at E0–FF.</summary>
    static bool MostlyLowerCaseInKoi8(ReadOnlySpan<byte> body)
    {
        int koi8 = 0, windows = 0;
        foreach (var b in body)
        {
            if (b is >= 0xC0 and <= 0xDF) koi8++;
            else if (b >= 0xE0) windows++;
        }
        return koi8 > windows;
    }
}
