using BorderAlerts.Core.Config;
using BorderAlerts.Core.Watchlists;

namespace BorderAlerts.Core.Tests.Watchlists;

public class WatchlistsFileTests
{
    const string Good = """
        watchlists:
          - id: ofac-sdn
            name: OFAC SDN list
            url: https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.XML
            format: ofac-sdn-xml
            every: 12h
            programs: [DPRK*, NPWMD]
            maxMegabytes: 300
          - id: un-sc
            url: https://scsanctions.un.org/resources/xml/en/consolidated.xml
            format: un-consolidated-xml
            enabled: false
        """;

    [Fact]
    public void Reads_every_key_and_the_defaults()
    {
        var lists = WatchlistsFile.Parse(Good, "watchlists.yaml");
        var ofac = lists[0];
        Assert.Equal(("ofac-sdn", "OFAC SDN list", WatchlistFormat.OfacSdnXml, TimeSpan.FromHours(12), 300, true),
            (ofac.Id, ofac.Name, ofac.Format, ofac.Every, ofac.MaxMegabytes, ofac.Enabled));
        Assert.Equal(["DPRK*", "NPWMD"], ofac.Programs.Patterns);
        var un = lists[1];
        Assert.Equal(("un-sc", WatchlistFormat.UnConsolidatedXml, TimeSpan.FromHours(6), 200, false, true),
            (un.Name, un.Format, un.Every, un.MaxMegabytes, un.Enabled, un.Programs.KeepsEverything));
    }

    [Fact]
    public void A_missing_file_means_no_watchlists() =>
        Assert.Empty(WatchlistsFile.Load(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "watchlists.yaml")));

    [Fact]
    public void The_shipped_file_names_the_three_lists_all_disabled()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "../../../../../config/watchlists.yaml");
        var lists = WatchlistsFile.Load(path);
        Assert.Equal([WatchlistFormat.OfacSdnXml, WatchlistFormat.UnConsolidatedXml, WatchlistFormat.OpenSanctionsFtm], lists.Select(l => l.Format));
        Assert.All(lists, l => Assert.False(l.Enabled));
        Assert.All(lists, l => Assert.Equal("https", l.Url.Scheme));
    }

    const string Entry = "watchlists:\n  - id: a\n    url: https://x/\n    format: ofac-sdn-xml\n";

    [Theory]
    [InlineData(Entry + "    every: 10x\n", 5, "watchlists[0].every", "not a duration")]
    [InlineData(Entry + "    every: 5m\n", 5, "watchlists[0].every", "at least 10m")]
    [InlineData(Entry + "    programs: [DP*RK]\n", 5, "watchlists[0].programs", "'*' only at its end")]
    [InlineData(Entry + "    programs: ['*']\n", 5, "watchlists[0].programs", "needs a program name")]
    [InlineData(Entry + "    programs: {a: b}\n", 5, "watchlists[0].programs", "expected a list")]
    [InlineData(Entry + "    enabled: maybe\n", 5, "watchlists[0].enabled", "not true or false")]
    [InlineData(Entry + "    maxMegabytes: 0\n", 5, "watchlists[0].maxMegabytes", "from 1 to 2048")]
    [InlineData(Entry + "    maxMegabytes: lots\n", 5, "watchlists[0].maxMegabytes", "whole number")]
    [InlineData(Entry + "    colour: red\n", 5, "watchlists[0].colour", "unknown field")]
    [InlineData("watchlists:\n  - id: a\n    url: https://x/\n    format: csv\n", 4, "watchlists[0].format", "not one of ofac-sdn-xml, un-consolidated-xml, opensanctions-ftm")]
    [InlineData("watchlists:\n  - id: a\n    url: https://x/\n", 2, "watchlists[0].format", "is required")]
    [InlineData("watchlists:\n  - id: a\n    url: ftp://x/\n    format: ofac-sdn-xml\n", 3, "watchlists[0].url", "http(s)")]
    [InlineData("watchlists:\n  - id: Bad Id\n    url: https://x/\n    format: ofac-sdn-xml\n", 2, "watchlists[0].id", "lower-case")]
    [InlineData(Entry + "  - id: a\n    url: https://y/\n    format: ofac-sdn-xml\n", 5, "watchlists[1].id", "duplicate id 'a'")]
    [InlineData("watchlists: ofac\n", 1, "watchlists", "expected a list")]
    [InlineData("lists:\n  - id: a\n", 1, "lists", "unknown field")]
    [InlineData("watchlists:\n  - id: a\n    url: [https://x/\n", 4, "yaml", "")]
    public void A_bad_value_names_file_line_and_field(string yaml, int line, string field, string problem)
    {
        var error = Assert.Throws<ConfigException>(() => WatchlistsFile.Parse(yaml, "config/watchlists.yaml"));
        Assert.Equal(("config/watchlists.yaml", line, field), (error.File, error.Line, error.Field));
        Assert.Contains(problem, error.Message);
        Assert.StartsWith($"config/watchlists.yaml:{line}: {field}:", error.Message);
    }

    [Fact]
    public void Every_problem_of_the_file_is_reported_at_once()
    {
        const string yaml = """
            watchlists:
              - id: ofac-sdn
                url: ftp://nowhere/
                format: ofac-sdn-xml
                colour: red
                every: 1m
              - id: un
                url: https://x/
                format: pdf
                shape: round
            """;
        var error = Assert.Throws<ConfigException>(() => WatchlistsFile.Parse(yaml, "config/watchlists.yaml"));
        Assert.Equal(
            [(3, "watchlists[0].url"), (5, "watchlists[0].colour"), (6, "watchlists[0].every"), (9, "watchlists[1].format"), (10, "watchlists[1].shape")],
            error.All.Select(e => (e.Line, e.Field)));
        Assert.Equal(5, error.Message.Split('\n').Length);
        Assert.All(error.Message.Split('\n'), line => Assert.StartsWith("config/watchlists.yaml:", line));
    }
}
