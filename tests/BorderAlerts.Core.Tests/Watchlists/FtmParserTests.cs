using BorderAlerts.Core.Watchlists;

namespace BorderAlerts.Core.Tests.Watchlists;

public class FtmParserTests
{
    [Fact]
    public void Reads_people_companies_and_vessels_and_ignores_the_other_records()
    {
        var (entries, counts) = ListReads.Fixture(WatchlistFormat.OpenSanctionsFtm, "opensanctions.ftm.json");
        Assert.Equal([WatchlistEntryType.Vessel, WatchlistEntryType.Entity, WatchlistEntryType.Individual, WatchlistEntryType.Vessel],
            entries.Select(e => e.Type));
        Assert.Equal((4, 2, 1), (counts.Entries, counts.Ignored, counts.Skipped["no usable name"]));
        var ship = entries[0];
        Assert.Equal(("NK-2vHq4u6VJ5YEdjZ7nKSoe9", "YUK TUNG"), (ship.EntryId, ship.Name));
        Assert.Equal(new WatchlistIdentifier("IMO", "9030591"), Assert.Single(ship.Identifiers));
        Assert.Equal(["DPRK3", "us_ofac_sdn", "un_sc_sanctions"], ship.Programs);
        Assert.Equal(new DateOnly(2018, 2, 23), ship.ListedOn);
        Assert.Equal("https://www.opensanctions.org/entities/NK-2vHq4u6VJ5YEdjZ7nKSoe9/", ship.Link!.ToString());
    }

    [Fact]
    public void Names_beyond_the_caption_and_aliases_are_strong_weak_aliases_weak()
    {
        var komid = ListReads.Fixture(WatchlistFormat.OpenSanctionsFtm, "opensanctions.ftm.json").Entries[1];
        Assert.Equal("KOREA MINING DEVELOPMENT TRADING CORPORATION", komid.Name);
        Assert.Equal(
            [new("CHANGGWANG SINYONG CORPORATION", AliasStrength.Strong), new("EXTERNAL TECHNOLOGY GENERAL CORPORATION", AliasStrength.Strong), new WatchlistAlias("KOMID", AliasStrength.Weak)],
            komid.Aliases);
    }

    [Fact]
    public void A_vessel_keeps_mmsi_call_sign_flag_and_its_previous_name()
    {
        var honesty = ListReads.Fixture(WatchlistFormat.OpenSanctionsFtm, "opensanctions.ftm.json").Entries[3];
        Assert.Equal([new("IMO", "9357391"), new("MMSI", "572450210"), new WatchlistIdentifier("Call sign", "T2DZ4")], honesty.Identifiers);
        Assert.Equal(new WatchlistAlias("HIRMAND", AliasStrength.Strong), Assert.Single(honesty.Aliases));
        Assert.Contains(new WatchlistDetail("Flag", "None Identified"), honesty.Details);
    }

    [Fact]
    public void The_program_filter_reads_programs_and_datasets()
    {
        var (entries, counts) = ListReads.Fixture(WatchlistFormat.OpenSanctionsFtm, "opensanctions.ftm.json", "UN-SCDPRK", "DPRK*");
        Assert.Equal(["YUK TUNG", "KOREA MINING DEVELOPMENT TRADING CORPORATION", "RI WON HO"], entries.Select(e => e.Name));
        Assert.Equal(1, counts.FilteredOut);
    }

    [Fact]
    public void An_overlong_line_is_skipped_and_counted_without_being_held()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "watchlists", "opensanctions.ftm.json"));
        var huge = "{\"id\": \"x\", \"schema\": \"Person\", \"properties\": {\"name\": [\"" + new string('A', 20_000_000) + "\"]}}";
        var body = System.Text.Encoding.UTF8.GetBytes(string.Join("\r\n", lines[..3].Append(huge).Concat(lines[3..])));
        var counts = new WatchlistCounts();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var entries = WatchlistParser.Parse(ListReads.List(WatchlistFormat.OpenSanctionsFtm), new MemoryStream(body), counts).ToList();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(4, entries.Count);
        Assert.Equal(1, counts.Skipped["record too large"]);
        Assert.True(allocated < 30_000_000, $"{allocated:N0} bytes allocated for a 20,000,000-character line");
    }
}
