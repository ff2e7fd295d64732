using BorderAlerts.Core.Watchlists;

namespace BorderAlerts.Core.Tests.Watchlists;

public class UnConsolidatedParserTests
{
    [Fact]
    public void Reads_individuals_and_entities_with_reference_regime_and_listing_date()
    {
        var (entries, counts) = ListReads.Fixture(WatchlistFormat.UnConsolidatedXml, "un_consolidated.xml");
        Assert.Equal(["KPi.033", "CDi.003", "KPe.001", "KPe.053"], entries.Select(e => e.EntryId));
        var ri = entries[0];
        Assert.Equal((WatchlistEntryType.Individual, "RI WON HO"), (ri.Type, ri.Name));
        Assert.Equal(["DPRK"], ri.Programs);
        Assert.Equal(new DateOnly(2016, 11, 30), ri.ListedOn);
        Assert.Equal(new WatchlistIdentifier("Passport", "381310014"), Assert.Single(ri.Identifiers));
        Assert.Contains(new WatchlistDetail("Date of birth", "1964-07-17"), ri.Details);
        Assert.Equal("https://main.un.org/securitycouncil/en/content/un-sc-consolidated-list", ri.Link!.ToString());
        Assert.Equal("2026-11-30T00:00:04.191Z", counts.PublishedOn);
    }

    [Fact]
    public void The_name_in_its_original_script_is_kept()
    {
        var ri = ListReads.Fixture(WatchlistFormat.UnConsolidatedXml, "un_consolidated.xml").Entries[0];
        Assert.Equal(["리원호"], ri.OriginalScriptNames);
    }

    [Fact]
    public void Alias_quality_good_and_aka_are_strong_low_is_weak_and_one_alias_may_hold_several_names()
    {
        var entries = ListReads.Fixture(WatchlistFormat.UnConsolidatedXml, "un_consolidated.xml").Entries;
        var gaston = entries.Single(e => e.EntryId == "CDi.003");
        Assert.Equal(new WatchlistAlias("Rumuli", AliasStrength.Weak), gaston.Aliases[0]);
        Assert.All(gaston.Aliases.Skip(1), a => Assert.Equal(AliasStrength.Strong, a.Strength));
        var komid = entries.Single(e => e.EntryId == "KPe.001");
        Assert.Equal(
            ["CHANGGWANG SINYONG CORPORATION", "EXTERNAL TECHNOLOGY GENERAL CORPORATION", "DPRKN MINING DEVELOPMENT TRADING COOPERATION", "KOMID"],
            komid.Aliases.Select(a => a.Name));
        Assert.Equal((WatchlistEntryType.Entity, new DateOnly(2009, 4, 24)), (komid.Type, komid.ListedOn));
    }

    [Fact]
    public void Stray_spaces_of_the_published_list_are_trimmed_and_empty_aliases_dropped()
    {
        var pad = ListReads.Fixture(WatchlistFormat.UnConsolidatedXml, "un_consolidated.xml").Entries.Single(e => e.EntryId == "KPe.053");
        Assert.Equal("PROPAGANDA AND AGITATION DEPARTMENT (PAD)", pad.Name);
        Assert.Empty(pad.Aliases);
    }

    [Fact]
    public void An_entry_with_blank_name_fields_is_skipped_and_counted_and_the_regime_filter_applies()
    {
        var (entries, counts) = ListReads.Fixture(WatchlistFormat.UnConsolidatedXml, "un_consolidated.xml", "DPRK");
        Assert.Equal(["KPi.033", "KPe.001", "KPe.053"], entries.Select(e => e.EntryId));
        Assert.Equal((3, 1, 1), (counts.Entries, counts.FilteredOut, counts.Skipped["no usable name"]));
    }

    [Theory]
    [InlineData(4095)]
    [InlineData(4096)]
    [InlineData(4097)]
    [InlineData(100_000)]
    public void A_long_text_under_the_cap_is_read_whole(int length)
    {
        var comments = string.Concat(Enumerable.Range(0, length).Select(i => (char)('a' + i % 26)));
        var xml = $"<CONSOLIDATED_LIST><ENTITIES><ENTITY><DATAID>1</DATAID><FIRST_NAME>X</FIRST_NAME><COMMENTS1>{comments}</COMMENTS1></ENTITY></ENTITIES></CONSOLIDATED_LIST>";
        var entry = Assert.Single(ListReads.Text(WatchlistFormat.UnConsolidatedXml, xml).Entries);
        Assert.Equal(new WatchlistDetail("Comments", comments), Assert.Single(entry.Details));
    }
}
