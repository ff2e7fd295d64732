using BorderAlerts.Core.Delivery;
using BorderAlerts.Core.Feeds;
using BorderAlerts.Core.Rules;
using BorderAlerts.Core.Rules.Matching;
using BorderAlerts.Core.Tests.Rules.ListConcepts;
using BorderAlerts.Core.Watchlists;

namespace BorderAlerts.Core.Tests.Delivery;

/// <summary>A card whose item names a designated vessel, firm or person shows the entry as the list publishes it.</summary>
public class DesignatedCardTests
{
    static readonly WatchlistEntry Vessel = ListFixture.Entry("CHON MA SAN", WatchlistEntryType.Vessel, id: "23456",
        ids: [new WatchlistIdentifier(WatchlistIdentifier.Imo, "8660313"), new WatchlistIdentifier(WatchlistIdentifier.Imo, "1234567", Valid: false)]) with
    {
        Programs = ["DPRK3", "DPRK4"], ListedOn = new DateOnly(2018, 2, 23), Link = new Uri("https://sanctionssearch.ofac.treas.gov/Details.aspx?id=23456"),
    };

    static readonly WatchlistEntry Firm = ListFixture.Entry("KOREA RYONBONG GENERAL CORPORATION", WatchlistEntryType.Entity, id: "9999") with { Programs = ["NPWMD"] };

    static readonly FeedDefinition Feed = new() { Id = "wire", Name = "Wire", Url = new Uri("https://wire.example/rss"), Language = "en" };

    static AlertCard Card(string title, params WatchlistEntry[] entries)
    {
        var rules = ListFixture.Rules(entries);
        var lead = rules.Matcher.Match(new MatchInput(title, ""))[0];
        var alert = new AlertSnapshot(7, Feed.Id, title, null, "", "en", null, lead.RuleId, lead.RuleName, lead.Severity, lead.Terms);
        return new CardFactory(new Feeds(), new Rules(rules), watchlists: new Lists(ListFixture.Snapshot(entries))).Build(alert);
    }

    [Fact]
    public void The_card_shows_the_entry_named_in_the_item_with_list_type_programs_date_identifiers_and_link()
    {
        var card = Card("Tanker Chon Ma San seen off Nampo", Vessel, Firm);

        var designation = Assert.Single(card.Designations);
        Assert.Equal("CHON MA SAN", designation.ListedName);
        Assert.Equal("Test list · vessel · DPRK3, DPRK4 · listed 2018-02-23 · IMO 8660313", designation.Facts()); // an invalid IMO is not shown
        Assert.Equal(Vessel.Link, designation.Link);
    }

    [Fact]
    public void Several_entries_are_each_shown_once_and_an_item_naming_none_shows_none()
    {
        var card = Card("Korea Ryonbong General Corporation and the tanker Chon Ma San; Chon Ma San again", Vessel, Firm);
        Assert.Equal(["CHON MA SAN", "KOREA RYONBONG GENERAL CORPORATION"], card.Designations.Select(d => d.ListedName).Order(StringComparer.Ordinal));

        var rules = ListFixture.Rules(Vessel);
        var plain = new AlertSnapshot(8, Feed.Id, "Coal prices", null, "", "en", null, "listed", "listed", Severity.Normal, []);
        Assert.Empty(new CardFactory(new Feeds(), new Rules(rules), watchlists: new Lists(ListFixture.Snapshot(Vessel))).Build(plain).Designations);
    }

    sealed class Feeds : IFeedCatalog
    {
        public (IReadOnlyList<FeedDefinition> Feeds, int Version) Current() => ([Feed], 1);
    }

    sealed class Rules(RuleSet rules) : IRuleSource
    {
        public RuleSet Current => rules;
    }

    sealed class Lists(WatchlistSnapshot snapshot) : IWatchlistCatalog
    {
        public (IReadOnlyList<WatchlistSnapshot> Lists, long Version) Current() => ([snapshot], 1);
    }
}
