using System.Text;

namespace BorderAlerts.Core.Parsing;

/// <summary>
/// U+0080–U+009F are control characters that publishers never mean: they come from windows-1252 text read as Latin-1
/// or from references such as <c>&amp;#146;</c>. As browsers do, each becomes the windows-1252 character of that byte
/// (146 is ’, so "don’t" stays a word); the five bytes windows-1252 leaves undefined stay as they are.
/// </summary>
internal static class C1Controls
{
    static readonly string Windows1252 = BuildTable();

    public static string? ToWindows1252(string? text)
    {
        if (text is null || text.AsSpan().IndexOfAnyInRange('\u0080', '\u009F') < 0) return text;
        var chars = text.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
            if (chars[i] is >= '\u0080' and <= '\u009F') chars[i] = Windows1252[chars[i] - 0x80];
        return new string(chars);
    }

    static string BuildTable()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Enumerable.Range(0x80, 32).Select(b => (byte)b).ToArray();
        var decoded = Encoding.GetEncoding(1252, EncoderFallback.ReplacementFallback, new DecoderReplacementFallback("\uFFFF")).GetString(bytes);
        return string.Concat(decoded.Select((c, i) => c == '\uFFFF' ? (char)(0x80 + i) : c));
    }
}
