using System.Text;
using BorderAlerts.Core.Watchlists;

namespace BorderAlerts.Core.Tests.Watchlists;

/// <summary>Reads a fixture or a text as a watchlist of the given format, with its counts.</summary>
internal static class ListReads
{
    public static WatchlistDefinition List(WatchlistFormat format, params string[] programs) => new()
    {
        Id = "test-list", Name = "test", Url = new Uri("https://lists.example/list"), Format = format, Programs = ProgramFilter.Of(programs),
    };

    public static (List<WatchlistEntry> Entries, WatchlistCounts Counts) Fixture(WatchlistFormat format, string name, params string[] programs) =>
        Read(format, Tests.Fixture.Bytes(Path.Combine("watchlists", name)), programs);

    public static (List<WatchlistEntry> Entries, WatchlistCounts Counts) Text(WatchlistFormat format, string text, params string[] programs) =>
        Read(format, Encoding.UTF8.GetBytes(text), programs);

    static (List<WatchlistEntry>, WatchlistCounts) Read(WatchlistFormat format, byte[] body, string[] programs)
    {
        var counts = new WatchlistCounts();
        var entries = WatchlistParser.Parse(List(format, programs), new MemoryStream(body), counts).ToList();
        return (entries, counts);
    }

    public static WatchlistFormatException Refusal(WatchlistFormat format, string text) =>
        Assert.Throws<WatchlistFormatException>(() => Text(format, text));
}
