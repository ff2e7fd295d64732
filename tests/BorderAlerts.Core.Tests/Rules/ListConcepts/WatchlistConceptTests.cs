using BorderAlerts.Core.Rules;
using BorderAlerts.Core.Rules.ListConcepts;
using BorderAlerts.Core.Rules.Matching;
using BorderAlerts.Core.Watchlists;
using static BorderAlerts.Core.Tests.Rules.ListConcepts.ListFixture;

namespace BorderAlerts.Core.Tests.Rules.ListConcepts;

/// <summary>How a listed name is found in news: legal forms, name order, romanisation, Korean spellings, IMO numbers, context.</summary>
public class WatchlistConceptTests
{
    static readonly WatchlistEntry Komid = Entry("KOREA MINING DEVELOPMENT TRADING CORPORATION", WatchlistEntryType.Entity, "8590",
        aliases: [new("CHANGGWANG SINYONG CORPORATION", AliasStrength.Strong), new("KOMID", AliasStrength.Weak)], original: ["조선광업개발무역회사"]);
    static readonly WatchlistEntry OrdinaryFirm = Entry("KOREA TRADING COMPANY", WatchlistEntryType.Entity, "77");
    static readonly WatchlistEntry Paeksol = Entry("PAEKSOL TRADING CORPORATION", WatchlistEntryType.Entity, "78");
    static readonly WatchlistEntry Hongxiang = Entry("DANDONG HONGXIANG INDUSTRIAL DEVELOPMENT CO., LTD.", WatchlistEntryType.Entity, "20001",
        original: ["丹东鸿祥实业发展有限公司"]);
    static readonly WatchlistEntry KimJongUn = Entry("KIM, Jong Un", WatchlistEntryType.Individual, "20280");
    static readonly WatchlistEntry RiWonHo = Entry("RI WON HO", WatchlistEntryType.Individual, "KPi.033", original: ["리원호"]);
    static readonly WatchlistEntry ChoeRyongHae = Entry("CHOE RYONG HAE", WatchlistEntryType.Individual, "20281", original: ["최룡해"]);
    static readonly WatchlistEntry YukTung = Entry("YUK TUNG", WatchlistEntryType.Vessel, "23614", ids: [ImoNumber.Identifier("IMO 9030591"), new(WatchlistIdentifier.CallSign, "XUPU7")]);
    static readonly WatchlistEntry ChonMaSan = Entry("CHON MA SAN", WatchlistEntryType.Vessel, "23604");
    static readonly WatchlistEntry Honesty = Entry("HONESTY", WatchlistEntryType.Vessel, "15056");
    static readonly WatchlistEntry BadImo = Entry("WRONG DIGIT", WatchlistEntryType.Vessel, "9", ids: [ImoNumber.Identifier("IMO 9030592")]);

    static readonly Core.Rules.RuleSet List = ListFixture.Rules(Komid, OrdinaryFirm, Paeksol, Hongxiang, KimJongUn, RiWonHo, ChoeRyongHae, YukTung, ChonMaSan, Honesty, BadImo);

    [Theory]
    [InlineData("US sanctions Korea Mining Development Trading Corporation")]
    [InlineData("Korea Mining Development named in UN report")]            // without its legal form
    [InlineData("Changgwang Sinyong Corp. still active")]                    // a strong alias, legal form dropped
    [InlineData("Dandong Hongxiang Industrial Development Co. Ltd fined")]
    [InlineData("Dandong Hongxiang Industrial Development accused")]
    [InlineData("丹东鸿祥实业发展被制裁")]                                  // the CJK legal form dropped
    [InlineData("조선광업개발 제재")]                                        // the Korean one (무역회사)
    [InlineData("the firm Paeksol was named")]                              // one distinctive word left: near a company word
    public void A_firm_is_found_with_or_without_its_legal_form(string title) => Assert.True(Matches(List, title));

    [Theory]
    [InlineData("KOMID front companies")]                                   // a weak alias: left out
    [InlineData("Korea trading company expands")]                           // only legal forms and common words left
    [InlineData("Paeksol beach resort opens")]                              // one word left, no company word near
    public void Weak_aliases_and_bare_legal_forms_do_not_match(string title) => Assert.False(Matches(List, title));

    [Theory]
    [InlineData("Kim Jong Un inspects factory")]
    [InlineData("Kim Jong-un inspects factory")]
    [InlineData("KIM JONG UN inspects factory")]
    [InlineData("Jong Un Kim, as OFAC writes it reversed")]
    [InlineData("Won Ho Ri attended")]                                      // the UN's family-first name, given name first
    [InlineData("Ri Won-ho attended")]
    public void A_person_is_found_in_either_order_and_romanisation(string title) => Assert.True(Matches(List, title));

    [Theory]
    [InlineData("이원호 국가보위상")]   // the DPRK's 리 in the ROK spelling 이
    [InlineData("리원호 국가보위상")]
    [InlineData("최용해 상임위원장")]   // the given name's 룡 as the ROK writes it
    [InlineData("최룡해 상임위원장")]
    public void A_korean_name_is_found_in_dprk_and_rok_spelling(string title) => Assert.True(Matches(List, title));

    [Theory]
    [InlineData("Tanker with IMO 9030591 seen off Nampo", true)]
    [InlineData("Tanker IMO9030591 seen off Nampo", true)]
    [InlineData("Vessel IMO No. 9030591 seen off Nampo", true)]
    [InlineData("the ship 9030591 was seen off Nampo", true)]              // bare digits near a vessel word
    [InlineData("Revenue rose to 9030591 won last year", false)]          // bare digits without one
    [InlineData("Tanker IMO 9030592 seen off Nampo", false)]              // a wrong check digit is never matched
    [InlineData("call sign XUPU7 heard, the vessel turned", true)]
    [InlineData("XUPU7 is a code", false)]
    public void An_imo_number_matches_in_its_forms_and_bare_only_near_a_vessel_word(string title, bool match) => Assert.Equal(match, Matches(List, title));

    [Theory]
    [InlineData("The tanker Honesty was seized", true)]
    [InlineData("Honesty, an Iranian-flagged tanker, was seized", true)]
    [InlineData("Honesty is the best policy", false)]
    [InlineData("Yuk Tung oil tanker caught in transfer", true)]
    [InlineData("Yuk Tung restaurant opens", false)]
    [InlineData("Chon Ma San caught in ship-to-ship transfer", true)]
    [InlineData("Chon Ma San spotted", true)]                              // three words: matches alone
    public void A_short_vessel_name_needs_a_vessel_word_near_it(string title, bool match) => Assert.Equal(match, Matches(List, title));

    [Theory]
    [InlineData("The tanker Honesty was seized", new[] { "listed", "tankers" })]
    [InlineData("A tanker was seized", new[] { "tankers" })]            // the context word alone: only the rule that names it
    [InlineData("Honesty is the best policy", new string[0])]
    public void Context_words_are_looked_for_apart_from_rules_that_name_the_same_word(string title, string[] rules)
    {
        // Vessel and company words are scanned for only where a short name was found (RuleMatcher.Builder.ContextLeaf);
        // a rule of its own for "tanker" still matches it, and its hit is not the watchlist's context.
        var document = RulesFile.Parse($"rules:\n  - id: listed\n    query: '@{ListId}'\n  - id: tankers\n    query: 'tanker'\n", "rules.yaml");
        var set = Core.Rules.RuleSet.Compile(document, WatchlistConcepts.From([Snapshot(Honesty)], 1));
        var matched = set.Matcher.Match(new MatchInput(title, "")).Select(m => m.RuleId).Order().ToArray();
        Assert.Equal(rules, matched);
        if (matched.Contains("listed"))
            Assert.Equal(["Honesty"], set.Matcher.Match(new MatchInput(title, "")).Single(m => m.RuleId == "listed").Terms.Select(t => t.Excerpt));
    }

    [Fact]
    public void A_match_names_the_entry_as_listed()
    {
        var match = List.Matcher.Match(new MatchInput("Korea Mining Development named in report", "")).Single();
        var term = match.Terms.Single();
        Assert.Equal(ListId, term.Concept);
        Assert.Equal(new Core.Rules.ListConcepts.WatchlistHit(ListId, "8590", "KOREA MINING DEVELOPMENT TRADING CORPORATION"), List.Watchlists.EntryOf(term.Concept, term.Term));
        Assert.Equal("KOREA MINING DEVELOPMENT TRADING CORPORATION", List.LabelOf(term));
    }
}
