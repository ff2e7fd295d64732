using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;

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
        string every = "6h", int maxMegabytes = 200) =>
        File.WriteAllText(Path.Combine(folder.Config, "watchlists.yaml"), $"""
            watchlists:
              - id: {id}
                name: OFAC SDN list
                url: {url}
                format: {format}
                every: {every}
                programs: {programs}
                maxMegabytes: {maxMegabytes}
            """);

    /// <summary>A CLI session with no feeds and the list ofac-sdn answered by <paramref name="answer"/> (the OFAC fixture by default).</summary>
    public static CliSession Session(FeedServer server, Microsoft.AspNetCore.Http.RequestDelegate? answer = null)
    {
        var session = new CliSession();
        session.WriteFeeds("feeds: []\n"); // the service's other inputs, as an operator has them
        Configure(session.Folder, server.Serve(answer ?? Responses.Fixture("watchlists/ofac_sdn.xml", "application/xml", etag: "\"v1\""), "sdn.xml"));
        return session;
    }

    /// <summary>Refreshes the list of that id now, due or not, as `watchlists refresh` does.</summary>
    public static Task<Core.Watchlists.WatchlistRefreshOutcome> RefreshAsync(IServiceProvider services, string id = "ofac-sdn") =>
        services.GetRequiredService<Core.Polling.WatchlistRefresher>().RefreshNowAsync(
            services.GetRequiredService<Core.Watchlists.FileWatchlists>().Find(id)!, CancellationToken.None);

    /// <summary>Answers <paramref name="body"/> as XML with this ETag, and 304 to a request that sends it back.</summary>
    public static Microsoft.AspNetCore.Http.RequestDelegate Xml(byte[] body, string etag) =>
        Responses.Bytes(body, "application/xml", etag: etag);
}
