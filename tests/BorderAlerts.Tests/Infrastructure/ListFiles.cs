using System.Net;
using System.Text;

namespace BorderAlerts.Tests.Infrastructure;

/// <summary>A designation for a generated OFAC sdn.xml: uid, name, sdnType (Individual, Entity, Vessel) and one program.</summary>
public sealed record Designation(int Uid, string Name, string Type = "Entity", string Program = "DPRK3");

/// <summary>Generated watchlists and the watchlists.yaml that points at them, for tests that refresh lists from a loopback server.</summary>
public static class ListFiles
{
    /// <summary>OFAC's sdn.xml (current namespace) holding these designations.</summary>
    public static byte[] Ofac(IEnumerable<Designation> designations)
    {
        var xml = new StringBuilder("""
            <?xml version="1.0" standalone="yes"?>
            <sdnList xmlns="https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML">
            """);
        foreach (var d in designations)
            xml.Append($"<sdnEntry><uid>{d.Uid}</uid><lastName>{WebUtility.HtmlEncode(d.Name)}</lastName><sdnType>{d.Type}</sdnType>")
                .Append($"<programList><program>{d.Program}</program></programList></sdnEntry>");
        return Encoding.UTF8.GetBytes(xml.Append("</sdnList>").ToString());
    }

    /// <summary><paramref name="count"/> DPRK entities with uids from <paramref name="first"/>, named "TRADING FIRM n".</summary>
    public static IEnumerable<Designation> Firms(int count, int first = 1) =>
        Enumerable.Range(first, count).Select(i => new Designation(i, $"TRADING FIRM {i}"));

    /// <summary>Writes watchlists.yaml in the folder's config/ with one enabled list at <paramref name="url"/>.</summary>
    public static void Configure(TempFolder folder, Uri url, string id = "ofac-sdn", string format = "ofac-sdn-xml", string programs = "[DPRK*]",
        string every = "6h") =>
        File.WriteAllText(Path.Combine(folder.Config, "watchlists.yaml"), $"""
            watchlists:
              - id: {id}
                name: OFAC SDN list
                url: {url}
                format: {format}
                every: {every}
                programs: {programs}
            """);

    /// <summary>Answers <paramref name="body"/> as XML with this ETag, and 304 to a request that sends it back.</summary>
    public static Microsoft.AspNetCore.Http.RequestDelegate Xml(byte[] body, string etag) =>
        Responses.Bytes(body, "application/xml", etag: etag);
}
