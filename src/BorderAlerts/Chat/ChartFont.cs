using ScottPlot;
using SkiaSharp;

namespace BorderAlerts.Chat;

/// <summary>
/// The chart's one font, DejaVu Sans (Chat/Fonts, its licence beside it), read from this assembly: SkiaSharp's build
/// without fontconfig finds no font on a host that has none installed, and would draw the chart without any text. It is
/// registered with ScottPlot under a name no system font has, so the chart draws with it whatever is installed.
/// </summary>
sealed class ChartFont : IFontResolver
{
    public const string Name = "BorderAlerts DejaVu Sans";
    const string Resource = "BorderAlerts.Chat.Fonts.DejaVuSans.ttf";

    static readonly Lazy<byte[]> Bytes = new(Read);
    static readonly Lazy<bool> Registered = new(() => { Fonts.FontResolvers.Add(new ChartFont()); return true; });

    /// <summary>Makes <see cref="Name"/> known to ScottPlot, once per process.</summary>
    public static void Register() => _ = Registered.Value;

    /// <summary>A new typeface of the embedded font (ScottPlot caches and owns what a resolver gives it).</summary>
    public static SKTypeface Typeface() =>
        SKTypeface.FromData(SKData.CreateCopy(Bytes.Value)) ?? throw new InvalidOperationException($"{Resource} is not a font SkiaSharp can read");

    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) => fontName == Name ? Typeface() : null;

    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) => fontName == Name ? Typeface() : null;

    static byte[] Read()
    {
        using var stream = typeof(ChartFont).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"the chart's font {Resource} is not embedded in the assembly");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
