using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace BorderAlerts.Core.Watchlists;

/// <summary>
/// The UN Security Council consolidated list XML: <c>CONSOLIDATED_LIST</c> holding <c>INDIVIDUALS/INDIVIDUAL</c> and
/// <c>ENTITIES/ENTITY</c>, each with DATAID, FIRST_NAME…FOURTH_NAME, UN_LIST_TYPE (the regime: "DPRK"),
/// REFERENCE_NUMBER ("KPi.033"), LISTED_ON, NAME_ORIGINAL_SCRIPT, aliases with their QUALITY, documents, COMMENTS1.
/// An alias may hold several names separated by "; ".
/// </summary>
internal static class UnConsolidatedParser
{
    /// <summary>The UN has no page per entry; its cards link to the list's own page.</summary>
    public static readonly Uri ListPage = new("https://main.un.org/securitycouncil/en/content/un-sc-consolidated-list");

    public static IEnumerable<WatchlistEntry> Entries(ListReading list, XmlReader reader)
    {
        WatchlistXml.ExpectRoot(list, reader, "CONSOLIDATED_LIST", [""]);
        list.Counts.PublishedOn = reader.GetAttribute("dateGenerated");
        foreach (var record in WatchlistXml.Records(reader, "INDIVIDUALS", "ENTITIES"))
        {
            var type = record.Name.LocalName switch
            {
                "INDIVIDUAL" => WatchlistEntryType.Individual,
                "ENTITY" => WatchlistEntryType.Entity,
                _ => (WatchlistEntryType?)null,
            };
            if (type is not null && Entry(list, record, type.Value) is { } entry) yield return entry;
        }
    }

    static WatchlistEntry? Entry(ListReading list, XElement e, WatchlistEntryType type)
    {
        var id = e.Text("REFERENCE_NUMBER") ?? e.Text("DATAID");
        if (id is null) { list.Counts.Skip(ListReading.NoId); return null; }
        var name = Name(e);
        if (name is null) { list.Counts.Skip(ListReading.NoName); return null; }
        var alias = type == WatchlistEntryType.Individual ? "INDIVIDUAL_ALIAS" : "ENTITY_ALIAS";
        return new WatchlistEntry
        {
            ListId = list.ListId,
            EntryId = id,
            Type = type,
            Name = name,
            Aliases = [.. e.Elements(alias).SelectMany(Aliases)],
            OriginalScriptNames = e.Text("NAME_ORIGINAL_SCRIPT") is { } original ? [original] : [],
            Programs = e.Text("UN_LIST_TYPE") is { } regime ? [regime] : [],
            ListedOn = DateOnly.TryParseExact(e.Text("LISTED_ON"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var listed) ? listed : null,
            Identifiers = [.. e.Elements("INDIVIDUAL_DOCUMENT").Select(Document).OfType<WatchlistIdentifier>()],
            Details = Details(e),
            Link = ListPage,
        };
    }

    static string? Name(XElement e)
    {
        var parts = new[] { "FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME" }.Select(e.Text).OfType<string>().ToList();
        return parts.Count == 0 ? null : string.Join(' ', parts);
    }

    static IEnumerable<WatchlistAlias> Aliases(XElement alias)
    {
        var strength = alias.Text("QUALITY")?.ToLowerInvariant() switch
        {
            "good" or "a.k.a." or "f.k.a." => AliasStrength.Strong,
            _ => AliasStrength.Weak,
        };
        return (alias.Text("ALIAS_NAME") ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(name => new WatchlistAlias(string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries)), strength));
    }

    static WatchlistIdentifier? Document(XElement document) =>
        document.Text("NUMBER") is { } number ? new WatchlistIdentifier(document.Text("TYPE_OF_DOCUMENT") ?? "Document", number) : null;

    static List<WatchlistDetail> Details(XElement e)
    {
        var details = new List<WatchlistDetail>();
        details.AddRange(Values(e, "DESIGNATION").Select(v => new WatchlistDetail("Designation", v)));
        details.AddRange(Values(e, "NATIONALITY").Select(v => new WatchlistDetail("Nationality", v)));
        foreach (var birth in e.Elements("INDIVIDUAL_DATE_OF_BIRTH"))
            if ((birth.Text("DATE") ?? birth.Text("YEAR")) is { } date) details.Add(new("Date of birth", date));
        if (e.Text("COMMENTS1") is { } comments) details.Add(new("Comments", comments));
        return details;
    }

    static IEnumerable<string> Values(XElement e, string name) =>
        (e.Element(name)?.Elements("VALUE") ?? []).Select(v => v.Value.Trim()).Where(v => v.Length > 0);
}
