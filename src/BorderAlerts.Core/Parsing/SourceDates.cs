using System.Globalization;
using System.Text.RegularExpressions;

namespace BorderAlerts.Core.Parsing;

/// <summary>
/// Reads the dates sources print. An explicit offset wins; a time without one is read in the source's own
/// zone (Beijing, Tokyo, Pyongyang), never the server's. Month-day dates take the year that puts them
/// closest to, and not after, the fetch time.
/// </summary>
public static partial class SourceDates
{
    static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    static readonly string[] LocalFormats =
    [
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF", "yyyy-MM-ddTHH:mm",
        "yyyy/MM/dd HH:mm:ss", "yyyy/MM/dd HH:mm", "yyyy.MM.dd HH:mm:ss", "yyyy.MM.dd HH:mm", "yyyy-MM-dd", "yyyy/MM/dd", "yyyy.MM.dd",
        "yyyy年M月d日 HH:mm:ss", "yyyy年M月d日 HH:mm", "yyyy年M月d日", "ddd, d MMM yyyy HH:mm:ss", "d MMM yyyy HH:mm:ss",
        "ddd, d MMM yyyy HH:mm", "yyyy-M-d H:mm:ss", "yyyy-M-d H:mm", "yyyy-M-d",
    ];

    // RFC 822 zone names that DateTimeOffset does not know.
    static readonly Dictionary<string, string> NamedZones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["GMT"] = "+00:00", ["UT"] = "+00:00", ["UTC"] = "+00:00", ["Z"] = "+00:00",
        ["EST"] = "-05:00", ["EDT"] = "-04:00", ["CST"] = "-06:00", ["CDT"] = "-05:00",
        ["MST"] = "-07:00", ["MDT"] = "-06:00", ["PST"] = "-08:00", ["PDT"] = "-07:00",
        ["KST"] = "+09:00", ["JST"] = "+09:00", ["HKT"] = "+08:00",
    };

    [GeneratedRegex(@"(?:[+-]\d{2}:?\d{2}|(?<=\d)Z|\b(?:GMT|UTC?|[ECMP][SD]T|KST|JST|HKT))\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ExplicitZone();

    [GeneratedRegex(@"^\s*(\d{1,2})\s*[-./월月]\s*(\d{1,2})\s*[일日]?\s*$")]
    private static partial Regex MonthDay();

    public static DateTimeOffset? Parse(string? text, TimeZoneInfo zone, DateTimeOffset reference)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var value = text.Trim();
        if (long.TryParse(value, NumberStyles.None, Invariant, out var epoch)) return FromEpoch(epoch);
        if (MonthDay().Match(value) is { Success: true } md) return FromMonthDay(int.Parse(md.Groups[1].Value), int.Parse(md.Groups[2].Value), zone, reference);
        if (ExplicitZone().Match(value) is { Success: true } z && WithOffset(value, z, zone) is { } withOffset) return withOffset;
        if (DateTime.TryParseExact(value, LocalFormats, Invariant, DateTimeStyles.AllowWhiteSpaces, out var local))
            return InZone(local, zone);
        if (!DateTime.TryParse(value, Invariant, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.RoundtripKind, out local)) return null;
        // A zone the pattern above missed ("+08", "Z" after a fraction): trust it, never the server's own zone.
        if (local.Kind != DateTimeKind.Unspecified && DateTimeOffset.TryParse(value, Invariant, DateTimeStyles.AllowWhiteSpaces, out var offset)) return offset;
        return InZone(local, zone);
    }

    static DateTimeOffset? WithOffset(string value, Match zone, TimeZoneInfo source)
    {
        var token = zone.Value.Trim();
        // "CST" on a Chinese site is China Standard Time, not US Central.
        if (token.Equals("CST", StringComparison.OrdinalIgnoreCase) && source.BaseUtcOffset == TimeSpan.FromHours(8)) token = "HKT";
        var rewritten = NamedZones.TryGetValue(token, out var offset) ? value[..zone.Index].TrimEnd() + " " + offset : value;
        if (DateTimeOffset.TryParse(rewritten, Invariant, DateTimeStyles.AllowWhiteSpaces, out var parsed)) return parsed;
        // "Mon, 30 Nov 2026 15:00:00 +0000" with a wrong weekday still means the date that follows it.
        var comma = rewritten.IndexOf(',');
        return comma > 0 && DateTimeOffset.TryParse(rewritten[(comma + 1)..], Invariant, DateTimeStyles.AllowWhiteSpaces, out parsed)
            ? parsed : null;
    }

    static DateTimeOffset? FromEpoch(long epoch) => epoch switch
    {
        > 100_000_000_000 and < 10_000_000_000_000 => DateTimeOffset.FromUnixTimeMilliseconds(epoch),
        > 100_000_000 and < 10_000_000_000 => DateTimeOffset.FromUnixTimeSeconds(epoch),
        _ => null,
    };

    static DateTimeOffset? FromMonthDay(int month, int day, TimeZoneInfo zone, DateTimeOffset reference)
    {
        var today = TimeZoneInfo.ConvertTime(reference, zone);
        for (int year = today.Year; year >= today.Year - 1; year--)
        {
            if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) continue;
            var candidate = InZone(new DateTime(year, month, day), zone);
            if (candidate <= reference.AddDays(1)) return candidate;
        }
        return null;
    }

    public static DateTimeOffset InZone(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified)) unspecified = unspecified.AddHours(1);
        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
    }
}
