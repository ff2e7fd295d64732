using System.Globalization;
using System.Text;
using System.Text.Json;

namespace BorderAlerts.Core.Watchlists;

/// <summary>
/// OpenSanctions' FollowTheMoney export (entities.ftm.json): one JSON entity per line, <c>{"id", "schema", "caption",
/// "properties": {"name": [...], "alias": [...], "weakAlias": [...], "imoNumber": [...], …}, "datasets": [...]}</c>.
/// People, companies, organisations, legal entities, vessels and aircraft are entries; the export's other records
/// (Sanction, Address, Ownership…) are counted as ignored. A line that is not JSON refuses the document: an export cut
/// off mid-line is not half-read.
/// </summary>
internal static class FtmParser
{
    const int MaxLineChars = 4_000_000;
    public const string TooLarge = "record too large";

    static readonly Dictionary<string, WatchlistEntryType> Schemas = new(StringComparer.Ordinal)
    {
        ["Person"] = WatchlistEntryType.Individual,
        ["Company"] = WatchlistEntryType.Entity,
        ["Organization"] = WatchlistEntryType.Entity,
        ["LegalEntity"] = WatchlistEntryType.Entity,
        ["PublicBody"] = WatchlistEntryType.Entity,
        ["Vessel"] = WatchlistEntryType.Vessel,
        ["Airplane"] = WatchlistEntryType.Aircraft,
    };

    static readonly (string Property, string Kind)[] IdProperties =
    [
        ("mmsi", WatchlistIdentifier.Mmsi), ("callSign", WatchlistIdentifier.CallSign), ("registrationNumber", "Registration number"),
        ("idNumber", "ID number"), ("passportNumber", "Passport"), ("taxNumber", "Tax number"), ("swiftBic", "SWIFT/BIC"),
    ];

    static readonly (string Property, string Label)[] DetailProperties =
        [("type", "Vessel type"), ("flag", "Flag"), ("birthDate", "Date of birth"), ("nationality", "Nationality"), ("country", "Country")];

    public static IEnumerable<WatchlistEntry> Entries(ListReading list, Stream body)
    {
        var checkedBody = BodyStart.Check(list, body, '{', "FollowTheMoney JSON lines");
        using var reader = new StreamReader(checkedBody, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        int lineNumber = 0;
        foreach (var line in CappedLines.Read(reader, MaxLineChars))
        {
            lineNumber++;
            if (line is null) { list.Counts.Skip(TooLarge); continue; }
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var json = Parse(list, line, lineNumber);
            if (json.RootElement.ValueKind != JsonValueKind.Object) throw list.Refuse("expected one JSON object per line", lineNumber);
            if (Entry(list, json.RootElement) is { } entry) yield return entry;
        }
    }

    static JsonDocument Parse(ListReading list, string line, int lineNumber)
    {
        try { return JsonDocument.Parse(line); }
        catch (JsonException e)
        {
            throw list.Refuse($"not a JSON entity (cut off?): {e.Message.Split(" LineNumber", 2)[0]}", lineNumber, (int)(e.BytePositionInLine ?? 0) + 1);
        }
    }

    static WatchlistEntry? Entry(ListReading list, JsonElement e)
    {
        var schema = Str(e, "schema");
        if (schema is null || !Schemas.TryGetValue(schema, out var type)) { list.Counts.Ignored++; return null; }
        var id = Str(e, "id");
        if (id is null) { list.Counts.Skip(ListReading.NoId); return null; }
        var p = e.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object ? props : default;
        var names = Values(p, "name").ToList();
        var primary = Str(e, "caption") is { } caption && names.Contains(caption) ? caption : names.FirstOrDefault();
        if (primary is null) { list.Counts.Skip(ListReading.NoName); return null; }
        return new WatchlistEntry
        {
            ListId = list.ListId,
            EntryId = id,
            Type = type,
            Name = primary,
            Aliases = Aliases(p, names, primary),
            Programs = [.. Values(p, "program").Concat(Values(p, "programId")).Concat(Array(e, "datasets")).Distinct(StringComparer.Ordinal)],
            ListedOn = Values(p, "createdAt").Select(Date).FirstOrDefault(d => d is not null),
            Identifiers = [.. Values(p, "imoNumber").Select(ImoNumber.Identifier)
                .Concat(IdProperties.SelectMany(k => Values(p, k.Property).Select(v => new WatchlistIdentifier(k.Kind, v))))],
            Details = [.. DetailProperties.SelectMany(d => Values(p, d.Property).Select(v => new WatchlistDetail(d.Label, v)))],
            Link = new Uri($"https://www.opensanctions.org/entities/{Uri.EscapeDataString(id)}/"),
        };
    }

    static List<WatchlistAlias> Aliases(JsonElement p, List<string> names, string primary)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { primary };
        var strong = names.Concat(Values(p, "alias")).Concat(Values(p, "previousName")).Select(n => new WatchlistAlias(n, AliasStrength.Strong));
        var weak = Values(p, "weakAlias").Select(n => new WatchlistAlias(n, AliasStrength.Weak));
        return [.. strong.Concat(weak).Where(a => seen.Add(a.Name))];
    }

    static DateOnly? Date(string text) =>
        text.Length >= 10 && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString()!.Trim() is { Length: > 0 } s ? s : null;

    /// <summary>A property's values: FtM writes lists of strings; a lone string is read as one value.</summary>
    static IEnumerable<string> Values(JsonElement properties, string name) =>
        properties.ValueKind == JsonValueKind.Object ? Array(properties, name) : [];

    static IEnumerable<string> Array(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v)) return [];
        var items = v.ValueKind switch
        {
            JsonValueKind.Array => v.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.String).Select(i => i.GetString()!),
            JsonValueKind.String => [v.GetString()!],
            _ => [],
        };
        return items.Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
    }
}
