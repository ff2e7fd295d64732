using System.Text.Json;
using BorderAlerts.Tests.Infrastructure;

namespace BorderAlerts.Tests.Cli;

/// <summary>`watchlists list|check|find|refresh` against a list served on loopback.</summary>
[Collection(ProcessEnvironment.Name)]
public sealed class WatchlistsCommandTests(FeedServer server) : IClassFixture<FeedServer>
{
    CliSession WithOfacList(Microsoft.AspNetCore.Http.RequestDelegate? answer = null) => ListFiles.Session(server, answer);

    static JsonElement Json(CliRun run) => JsonDocument.Parse(run.Stdout).RootElement;

    [Fact]
    public async Task Watchlists_list_shows_a_new_list_then_its_entries_and_health_after_a_refresh()
    {
        using var session = WithOfacList();
        var before = Json(await session.RunAsync("watchlists", "list", "--json")).GetProperty("watchlists")[0];

        var refresh = await session.RunAsync("watchlists", "refresh");
        var after = Json(await session.RunAsync("watchlists", "list", "--json")).GetProperty("watchlists")[0];
        var table = await session.RunAsync("watchlists", "list");

        Assert.Equal(("new", 0), (before.GetProperty("health").GetString(), before.GetProperty("entries").GetInt32()));
        Assert.True(refresh.ExitCode == 0, refresh.Stderr);
        Assert.StartsWith("ofac-sdn: updated, 4 entries in force", refresh.Stdout);
        Assert.Equal(("ok", 4, "ofac-sdn-xml"), (after.GetProperty("health").GetString(), after.GetProperty("entries").GetInt32(),
            after.GetProperty("format").GetString()));
        Assert.NotEqual(JsonValueKind.Null, after.GetProperty("lastRefresh").ValueKind);
        Assert.True(after.GetProperty("nextRefresh").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddHours(5));
        Assert.Contains("OFAC SDN list", table.Stdout);
        Assert.Contains("in 6h", table.Stdout);
    }

    [Fact]
    public async Task Watchlists_find_finds_entries_in_force_by_name_ignoring_case_and_hyphens()
    {
        using var session = WithOfacList();
        await session.RunAsync("watchlists", "refresh", "ofac-sdn");

        var found = await session.RunAsync("watchlists", "find", "chon-ma", "san", "--json");
        var text = await session.RunAsync("watchlists", "find", "Yuk", "Tung");
        var none = await session.RunAsync("watchlists", "find", "honesty");

        var hit = Assert.Single(Json(found).GetProperty("results").EnumerateArray());
        Assert.Equal(("CHON MA SAN", "vessel", "ofac-sdn"), (hit.GetProperty("name").GetString(), hit.GetProperty("type").GetString(), hit.GetProperty("list").GetString()));
        Assert.Equal("8660313", hit.GetProperty("identifiers")[0].GetProperty("value").GetString());
        Assert.Contains("ofac-sdn | vessel | YUK TUNG | DPRK3", text.Stdout);
        Assert.Contains("IMO 9030591", text.Stdout);
        Assert.Contains("No entry in force matches 'honesty'", none.Stdout); // an IRAN entry, outside the list's DPRK* filter
    }

    [Fact]
    public async Task Watchlists_check_reads_the_list_now_counts_it_by_type_and_stores_nothing()
    {
        using var session = WithOfacList();

        var check = await session.RunAsync("watchlists", "check", "ofac-sdn", "--json");
        var list = Json(await session.RunAsync("watchlists", "list", "--json")).GetProperty("watchlists")[0];

        Assert.Equal(0, check.ExitCode);
        var json = Json(check);
        Assert.Equal((4, 2), (json.GetProperty("kept").GetInt32(), json.GetProperty("filteredOut").GetInt32()));
        Assert.Equal(2, json.GetProperty("byType").GetProperty("vessel").GetInt32());
        Assert.InRange(json.GetProperty("samples").GetArrayLength(), 1, 5);
        Assert.Equal(("new", 0), (list.GetProperty("health").GetString(), list.GetProperty("entries").GetInt32()));
    }

    [Fact]
    public async Task Watchlists_check_and_refresh_exit_1_when_the_list_fails_and_2_for_an_unknown_id()
    {
        using var session = WithOfacList(Responses.Text("<html><body>maintenance</body></html>", "text/html"));

        var check = await session.RunAsync("watchlists", "check", "ofac-sdn");
        var refresh = await session.RunAsync("watchlists", "refresh");
        var unknown = await session.RunAsync("watchlists", "check", "nope");
        var list = Json(await session.RunAsync("watchlists", "list", "--json")).GetProperty("watchlists")[0];

        Assert.Equal(1, check.ExitCode);
        Assert.Contains("FAILED: watchlist ofac-sdn (ofac-sdn-xml)", check.Stdout);
        Assert.Equal(1, refresh.ExitCode);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("no watchlist 'nope' in watchlists.yaml (known: ofac-sdn)", unknown.Stderr);
        Assert.Equal("failing", list.GetProperty("health").GetString());
        Assert.Contains("ofac-sdn", list.GetProperty("lastError").GetString());
    }

    [Fact]
    public async Task A_bad_watchlists_yaml_exits_2_naming_file_line_and_field()
    {
        using var session = new CliSession();
        var file = Path.Combine(session.Folder.Config, "watchlists.yaml");
        File.WriteAllText(file, "watchlists:\n  - id: ofac\n    url: https://example.org/sdn.xml\n    format: pdf\n");

        var run = await session.RunAsync("watchlists", "list");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{file}:4: watchlists[0].format: 'pdf' is not one of", run.Stderr);
    }
}
