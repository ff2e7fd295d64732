using BorderAlerts.Core.Watchlists;

namespace BorderAlerts.Core.Tests.Watchlists;

public class OfacSdnParserTests
{
    [Fact]
    public void Reads_vessels_firms_and_people_as_published_in_the_current_namespace()
    {
        var (entries, counts) = ListReads.Fixture(WatchlistFormat.OfacSdnXml, "ofac_sdn.xml");
        Assert.Equal(["23614", "23604", "15056", "11348", "20894", "36"], entries.Select(e => e.EntryId));
        var vessel = entries[0];
        Assert.Equal(("test-list", WatchlistEntryType.Vessel, "YUK TUNG"), (vessel.ListId, vessel.Type, vessel.Name));
        Assert.Equal(["DPRK3"], vessel.Programs);
        Assert.Equal(new WatchlistIdentifier("IMO", "9030591", Valid: true), Assert.Single(vessel.Identifiers));
        Assert.Contains(new WatchlistDetail("Vessel type", "Oil Tanker"), vessel.Details);
        Assert.Equal("https://sanctionssearch.ofac.treas.gov/Details.aspx?id=23614", vessel.Link!.ToString());
        Assert.Null(vessel.ListedOn);
        Assert.Equal(("11/28/2026", 7), (counts.PublishedOn, counts.DeclaredCount));
    }

    [Fact]
    public void A_person_is_named_last_first_as_ofac_prints_it_with_documents_and_birth_date()
    {
        var person = ListReads.Fixture(WatchlistFormat.OfacSdnXml, "ofac_sdn.xml").Entries.Single(e => e.EntryId == "20894");
        Assert.Equal((WatchlistEntryType.Individual, "RI, Won Ho"), (person.Type, person.Name));
        Assert.Equal(new WatchlistIdentifier("Passport", "381310014"), Assert.Single(person.Identifiers));
        Assert.Contains(new WatchlistDetail("Date of birth", "17 Jul 1964"), person.Details);
        Assert.Contains(new WatchlistDetail("Nationality", "Korea, North"), person.Details);
    }

    [Fact]
    public void Aliases_keep_their_strong_or_weak_category()
    {
        var komid = ListReads.Fixture(WatchlistFormat.OfacSdnXml, "ofac_sdn.xml").Entries.Single(e => e.EntryId == "11348");
        Assert.Equal(
            [new("CHANGGWANG SINYONG CORPORATION", AliasStrength.Strong), new("EXTERNAL TECHNOLOGY GENERAL CORPORATION", AliasStrength.Strong), new WatchlistAlias("KOMID", AliasStrength.Weak)],
            komid.Aliases);
        Assert.Equal(["NPWMD", "DPRK3"], komid.Programs);
    }

    [Fact]
    public void A_vessel_carries_its_imo_number_mmsi_and_call_sign_and_vessel_facts()
    {
        var honesty = ListReads.Fixture(WatchlistFormat.OfacSdnXml, "ofac_sdn.xml").Entries.Single(e => e.Name == "HONESTY");
        Assert.Equal(
            [new("IMO", "9357391"), new("MMSI", "572450210"), new WatchlistIdentifier("Call sign", "T2DZ4")],
            honesty.Identifiers);
        Assert.Contains(new WatchlistDetail("Flag", "None Identified"), honesty.Details);
        Assert.Equal(new WatchlistAlias("HIRMAND", AliasStrength.Strong), Assert.Single(honesty.Aliases));
    }

    [Fact]
    public void The_older_tempuri_namespace_reads_the_same()
    {
        var current = ListReads.Fixture(WatchlistFormat.OfacSdnXml, "ofac_sdn.xml").Entries;
        var (older, counts) = ListReads.Fixture(WatchlistFormat.OfacSdnXml, "ofac_sdn_tempuri.xml");
        Assert.Equal(2, older.Count);
        Assert.Equivalent(current.Single(e => e.EntryId == "23614"), older.Single(e => e.EntryId == "23614"), strict: true);
        Assert.Equal("02/23/2018", counts.PublishedOn);
    }

    [Fact]
    public void An_entry_without_a_name_is_skipped_and_counted()
    {
        var (entries, counts) = ListReads.Fixture(WatchlistFormat.OfacSdnXml, "ofac_sdn.xml");
        Assert.DoesNotContain(entries, e => e.EntryId == "99999");
        Assert.Equal(1, counts.Skipped["no usable name"]);
        Assert.Equal(6, counts.Entries);
    }

    [Fact]
    public void The_program_filter_keeps_the_dprk_programs_by_prefix_and_counts_the_rest()
    {
        var (entries, counts) = ListReads.Fixture(WatchlistFormat.OfacSdnXml, "ofac_sdn.xml", "dprk*");
        Assert.Equal(["YUK TUNG", "CHON MA SAN", "KOREA MINING DEVELOPMENT TRADING CORPORATION", "RI, Won Ho"], entries.Select(e => e.Name));
        Assert.Equal((4, 2), (counts.Entries, counts.FilteredOut));
    }

    [Theory]
    [InlineData("IMO 9030592", "9030592", false)]
    [InlineData("IMO 9030591", "9030591", true)]
    [InlineData("9030591", "9030591", true)]
    [InlineData("IMO 903059", "IMO 903059", false)]
    public void An_imo_number_with_a_wrong_check_digit_is_kept_but_flagged(string published, string value, bool valid)
    {
        var xml = $"""
            <sdnList xmlns="https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML">
              <sdnEntry><uid>1</uid><lastName>SHIP</lastName><sdnType>Vessel</sdnType>
                <idList><id><uid>2</uid><idType>Vessel Registration Identification</idType><idNumber>{published}</idNumber></id></idList>
              </sdnEntry>
            </sdnList>
            """;
        var entry = Assert.Single(ListReads.Text(WatchlistFormat.OfacSdnXml, xml).Entries);
        Assert.Equal(new WatchlistIdentifier("IMO", value, valid), Assert.Single(entry.Identifiers));
    }
}
