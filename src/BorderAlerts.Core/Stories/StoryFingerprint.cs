using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using BorderAlerts.Core.Text;

namespace BorderAlerts.Core.Stories;

/// <summary>
/// What story grouping knows of an alerting item: where it came from, its wording (title shingles and a MinHash of
/// title and lead, for re-reports in the same language), and what does not depend on the language: the concepts it
/// names, its figures (amounts, case numbers) and the day it was published. Stored with the story it starts, as JSON.
/// </summary>
public sealed record StoryFingerprint(string Feed, string? Lang, uint[] Title, byte[] Body, string[] Concepts, string[] Numbers, DateOnly? Day = null)
{
    /// <summary>
    /// The script a fingerprint's wording is in: zh-Hans and zh-Hant fold to one, ko-KR and ko-KP too, so their
    /// shingles compare; English and Chinese shingles never overlap, so across scripts only concepts and figures count.
    /// </summary>
    public string Script => (Lang ?? "").Split('-')[0].ToLowerInvariant();

    public static StoryFingerprint Of(string feed, string? lang, string title, string text, string[] concepts, DateOnly? day = null)
    {
        var titleShingles = StorySignature.Shingles(MatchText.Normalize(title)).Select(h => (uint)(h ^ (h >> 32))).Distinct().Order().ToArray();
        var body = StorySignature.ToBytes(StorySignature.Compute(title, text, StorySignature.BodySize));
        return new StoryFingerprint(feed, lang, titleShingles, body, concepts, FiguresIn(title + " \n " + Lead(text)), day);
    }

    static string Lead(string text) => text.Length > StorySignature.LeadLength ? text[..StorySignature.LeadLength] : text;

    static readonly Regex Figure = new(@"[0-9]+(?:[.,][0-9]+)*", RegexOptions.CultureInvariant); // ASCII digits: NFKC folds full-width ones

    /// <summary>
    /// Figures that identify an event: amounts, tonnages, case and resolution numbers. Years (1950–2049) and one-digit
    /// numbers (counts, days, months) are left out: they recur across unrelated reports. Thousands separators go.
    /// </summary>
    public static string[] FiguresIn(string text)
    {
        var set = new SortedSet<string>(StringComparer.Ordinal);
        foreach (Match m in Figure.Matches(text.Normalize(NormalizationForm.FormKC)))
        {
            var value = m.Value;
            if (value.Contains(',') && !value.Contains('.')) value = value.Replace(",", "");
            value = value.TrimStart('0');
            if (value.Length == 0 || value.StartsWith('.')) continue;
            bool decimalPoint = value.Contains('.');
            if (!decimalPoint && value.Length < 2) continue;
            if (!decimalPoint && value.Length == 4 && int.TryParse(value, CultureInfo.InvariantCulture, out var year) && year is >= 1950 and <= 2049) continue;
            set.Add(value);
        }
        return [.. set];
    }

    static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    /// <summary>
    /// A stored fingerprint; null for a story stored before fingerprints (a bare MinHash) or one that does not read
    /// whole: such a story only ages out.
    /// </summary>
    public static StoryFingerprint? FromBytes(byte[] bytes)
    {
        if (bytes.Length == 0 || bytes[0] != (byte)'{') return null;
        try
        {
            var read = JsonSerializer.Deserialize<StoryFingerprint>(bytes, Json);
            return read is { Feed: not null, Title: not null, Body: not null, Concepts: not null, Numbers: not null } ? read : null;
        }
        catch (JsonException) { return null; }
    }
}
