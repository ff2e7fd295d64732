using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace BorderAlerts.Core.Watchlists;

/// <summary>
/// OFAC's SDN list as sdn.xml: <c>sdnList</c> with <c>publshInformation</c> (sic) and one <c>sdnEntry</c> per
/// designation (uid, firstName/lastName, sdnType, programList, akaList with strong/weak categories, idList, vesselInfo…).
/// Since the Sanctions List Service (2024) the namespace is OFAC's own; before, it was tempuri.org's: both are read.
/// </summary>
internal static class OfacSdnParser
{
    public const string CurrentNamespace = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML";
    public const string OlderNamespace = "http://tempuri.org/sdnList.xsd";
    static readonly string[] Namespaces = [CurrentNamespace, OlderNamespace, ""];

    public static IEnumerable<WatchlistEntry> Entries(ListReading list, XmlReader reader)
    {
        WatchlistXml.ExpectRoot(list, reader, "sdnList", Namespaces);
        foreach (var record in WatchlistXml.Records(reader))
        {
            if (record.Name.LocalName == "publshInformation") ReadPublication(list.Counts, record);
            else if (record.Name.LocalName == "sdnEntry" && Entry(list, record) is { } entry) yield return entry;
        }
    }

    static void ReadPublication(WatchlistCounts counts, XElement info)
    {
        counts.PublishedOn = info.Text("Publish_Date");
        if (int.TryParse(info.Text("Record_Count"), NumberStyles.None, CultureInfo.InvariantCulture, out var count)) counts.DeclaredCount = count;
    }

    static WatchlistEntry? Entry(ListReading list, XElement e)
    {
        var uid = e.Text("uid");
        if (uid is null) { list.Counts.Skip(ListReading.NoId); return null; }
        var name = Name(e);
        if (name is null) { list.Counts.Skip(ListReading.NoName); return null; }
        return new WatchlistEntry
        {
            ListId = list.ListId,
            EntryId = uid,
            Type = Type(e.Text("sdnType")),
            Name = name,
            Aliases = Aliases(e),
            Programs = Items(e, "programList", "program").ToList(),
            Identifiers = Identifiers(e),
            Details = Details(e),
            Link = new Uri($"https://sanctionssearch.ofac.treas.gov/Details.aspx?id={Uri.EscapeDataString(uid)}"),
        };
    }

    /// <summary>As OFAC prints it: "LAST, First" for a person, the lastName alone for anything else.</summary>
    static string? Name(XElement e) => (e.Text("firstName"), e.Text("lastName")) switch
    {
        (null, null) => null,
        (var first, null) => first,
        (null, var last) => last,
        (var first, var last) => $"{last}, {first}",
    };

    static WatchlistEntryType Type(string? sdnType) => sdnType?.ToLowerInvariant() switch
    {
        "individual" => WatchlistEntryType.Individual,
        "entity" => WatchlistEntryType.Entity,
        "vessel" => WatchlistEntryType.Vessel,
        "aircraft" => WatchlistEntryType.Aircraft,
        _ => WatchlistEntryType.Other,
    };

    static List<WatchlistAlias> Aliases(XElement e) =>
        [.. (e.Element("akaList")?.Elements("aka") ?? [])
            .Select(aka => (Name: Name(aka), Weak: string.Equals(aka.Text("category"), "weak", StringComparison.OrdinalIgnoreCase)))
            .Where(a => a.Name is not null)
            .Select(a => new WatchlistAlias(a.Name!, a.Weak ? AliasStrength.Weak : AliasStrength.Strong))];

    static List<WatchlistIdentifier> Identifiers(XElement e)
    {
        var ids = new List<WatchlistIdentifier>();
        foreach (var id in e.Element("idList")?.Elements("id") ?? [])
        {
            var (type, number) = (id.Text("idType"), id.Text("idNumber"));
            if (number is null) continue;
            ids.Add(type switch
            {
                "Vessel Registration Identification" or "IMO Number" => ImoNumber.Identifier(number),
                "MMSI" => new WatchlistIdentifier(WatchlistIdentifier.Mmsi, number),
                _ => new WatchlistIdentifier(type ?? "Identification", number),
            });
        }
        if (e.Element("vesselInfo")?.Text("callSign") is { } callSign) ids.Add(new WatchlistIdentifier(WatchlistIdentifier.CallSign, callSign));
        return ids;
    }

    static readonly (string Element, string Label)[] VesselFacts =
        [("vesselType", "Vessel type"), ("vesselFlag", "Flag"), ("vesselOwner", "Owner"), ("tonnage", "Tonnage"), ("grossRegisteredTonnage", "Gross registered tonnage")];

    static List<WatchlistDetail> Details(XElement e)
    {
        var details = new List<WatchlistDetail>();
        if (e.Text("title") is { } title) details.Add(new("Title", title));
        if (e.Element("vesselInfo") is { } vessel)
            foreach (var (element, label) in VesselFacts)
                if (vessel.Text(element) is { } value) details.Add(new(label, value));
        details.AddRange(Items(e, "dateOfBirthList", "dateOfBirthItem", "dateOfBirth").Select(d => new WatchlistDetail("Date of birth", d)));
        details.AddRange(Items(e, "nationalityList", "nationality", "country").Select(c => new WatchlistDetail("Nationality", c)));
        foreach (var address in e.Element("addressList")?.Elements("address") ?? [])
        {
            var parts = new[] { "address1", "city", "stateOrProvince", "country" }.Select(address.Text).OfType<string>().ToList();
            if (parts.Count > 0) details.Add(new("Address", string.Join(", ", parts)));
        }
        if (e.Text("remarks") is { } remarks) details.Add(new("Remarks", remarks));
        return details;
    }

    /// <summary>The texts of list/item, or of list/item/field.</summary>
    static IEnumerable<string> Items(XElement e, string list, string item, string? field = null) =>
        (e.Element(list)?.Elements(item) ?? []).Select(i => field is null ? i.Value.Trim() : i.Text(field)).OfType<string>().Where(t => t.Length > 0);
}
