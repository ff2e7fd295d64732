using BorderAlerts.Core.Admin;
using BorderAlerts.Core.Config;
using BorderAlerts.Core.Rules;
using BorderAlerts.Core.Rules.ListConcepts;
using BorderAlerts.Core.Rules.Matching;
using BorderAlerts.Core.Watchlists;
using Microsoft.Extensions.Logging.Abstractions;
using static BorderAlerts.Core.Tests.Rules.ListConcepts.ListFixture;

namespace BorderAlerts.Core.Tests.Rules.ListConcepts;

/// <summary>Watchlists next to rules.yaml: name clashes, lists not loaded, and recompiling when the catalog changes.</summary>
public class WatchlistRulesTests
{
    static readonly WatchlistEntry YukTung = Entry("YUK TUNG", WatchlistEntryType.Vessel, "23614", ids: [ImoNumber.Identifier("IMO 9030591")]);

    [Fact]
    public void A_rules_concept_named_like_a_list_is_an_error_naming_file_and_line()
    {
        var document = RulesFile.Parse($"concepts:\n  dandong: [丹东]\n  {ListId}: [coal]\nrules:\n  - id: a\n    query: '@dandong'\n", "rules.yaml");
        var error = Assert.Throws<ConfigException>(() => RuleSet.Compile(document, WatchlistConcepts.From([Snapshot(YukTung)], 1)));
        Assert.Equal(("rules.yaml", 3, $"concepts.{ListId}"), (error.File, error.Line, error.Field));
        Assert.Contains("watchlist", error.Message);
    }

    [Fact]
    public void A_declared_list_that_is_not_loaded_compiles_and_matches_nothing()
    {
        var document = RulesFile.Parse($"rules:\n  - id: a\n    query: '@{ListId} OR coal'\n", "rules.yaml");
        var rules = RuleSet.Compile(document, WatchlistConcepts.From([], 0, [ListId]));
        Assert.Empty(rules.Problems);
        Assert.False(Matches(rules, "tanker IMO 9030591 Yuk Tung"));
        Assert.True(Matches(rules, "coal"));
    }

    [Fact]
    public void An_undeclared_list_is_an_unknown_concept()
    {
        var rules = RuleSet.Compile(RulesFile.Parse("rules:\n  - id: a\n    query: '@no-such-list'\n", "rules.yaml"), WatchlistConcepts.None);
        Assert.Contains("unknown concept '@no-such-list'", Assert.Single(rules.Problems).Problem);
    }

    [Fact]
    public void A_new_catalog_version_recompiles_the_rules()
    {
        var dir = Directory.CreateTempSubdirectory();
        var path = Path.Combine(dir.FullName, "rules.yaml");
        File.WriteAllText(path, $"rules:\n  - id: listed\n    query: '@{ListId}'\n");
        var watchlists = Path.Combine(dir.FullName, "watchlists.yaml");
        File.WriteAllText(watchlists, $"watchlists:\n  - id: {ListId}\n    url: https://lists.example/x.xml\n    format: ofac-sdn-xml\n    enabled: false\n");
        var catalog = new SettableCatalog();
        var source = new FileRuleSource(path, NullLogger<FileRuleSource>.Instance, TimeProvider.System, null, catalog, watchlists);
        Assert.Empty(source.Current.Problems);
        Assert.Empty(source.Current.Matcher.Match(new MatchInput("Tanker YUK TUNG (IMO 9030591) seized", "")));

        catalog.Set([Snapshot(YukTung)]);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (source.Current.Matcher.Match(new MatchInput("Tanker YUK TUNG (IMO 9030591) seized", "")).Count == 0 && DateTime.UtcNow < deadline) Thread.Sleep(20);
        Assert.Single(source.Current.Matcher.Match(new MatchInput("Tanker YUK TUNG (IMO 9030591) seized", "")));
        dir.Delete(recursive: true);
    }

    sealed class SettableCatalog : IWatchlistCatalog
    {
        (IReadOnlyList<WatchlistSnapshot>, long) _current = ([], 0);
        public void Set(IReadOnlyList<WatchlistSnapshot> lists) => _current = (lists, _current.Item2 + 1);
        public (IReadOnlyList<WatchlistSnapshot> Lists, long Version) Current() => _current;
    }
}
