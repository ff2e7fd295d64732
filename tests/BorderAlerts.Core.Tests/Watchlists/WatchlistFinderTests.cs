using BorderAlerts.Core.Watchlists;

namespace BorderAlerts.Core.Tests.Watchlists;

/// <summary>`watchlists find`: names, aliases and original-script names, folded as rules fold text.</summary>
public class WatchlistFinderTests
{
    static readonly WatchlistDefinition List = new() { Id = "un-sc", Name = "UN list", Url = new("https://lists.example/un.xml"), Format = WatchlistFormat.UnConsolidatedXml };

    static readonly WatchlistSnapshot Snapshot = new(List,
    [
        new WatchlistEntry { ListId = "un-sc", EntryId = "KPi.001", Type = WatchlistEntryType.Individual, Name = "RI JONG-HO", OriginalScriptNames = ["리정호"] },
        new WatchlistEntry { ListId = "un-sc", EntryId = "KPe.002", Type = WatchlistEntryType.Vessel, Name = "CHON MA SAN",
            Aliases = [new WatchlistAlias("CHONMASAN", AliasStrength.Weak)] },
    ], DateTimeOffset.UnixEpoch);

    [Theory]
    [InlineData("ri jong ho", "KPi.001", "RI JONG-HO")]
    [InlineData("Jong-Ho", "KPi.001", "RI JONG-HO")]
    [InlineData("이정호", "KPi.001", "리정호")] // the DPRK's 리 is found as the South's 이
    [InlineData("chonmasan", "KPe.002", "CHON MA SAN")]
    [InlineData("ma san", "KPe.002", "CHON MA SAN")]
    public void A_name_is_found_whatever_its_case_hyphens_spacing_or_Korean_initial_sound(string words, string entry, string matched)
    {
        var hit = Assert.Single(WatchlistFinder.Find([Snapshot], words));

        Assert.Equal((entry, matched), (hit.Entry.EntryId, hit.MatchedName));
    }

    [Theory]
    [InlineData("jong san")]
    [InlineData("  ")]
    public void Words_that_no_single_name_holds_find_nothing(string words) => Assert.Empty(WatchlistFinder.Find([Snapshot], words));
}
