using BorderAlerts.Core.Rules;
using BorderAlerts.Core.Rules.ListConcepts;
using BorderAlerts.Core.Rules.Matching;
using BorderAlerts.Core.Watchlists;

namespace BorderAlerts.Core.Tests.Rules.ListConcepts;

/// <summary>Entries and a rule set with one watchlist, <c>@test-list</c>, compiled as the service compiles them.</summary>
internal static class ListFixture
{
    public const string ListId = "test-list";

    public static WatchlistEntry Entry(string name, WatchlistEntryType type, string id = "1", WatchlistAlias[]? aliases = null,
        string[]? original = null, WatchlistIdentifier[]? ids = null) => new()
    {
        ListId = ListId, EntryId = id, Type = type, Name = name, Aliases = aliases ?? [], OriginalScriptNames = original ?? [], Identifiers = ids ?? [],
    };

    public static WatchlistSnapshot Snapshot(params WatchlistEntry[] entries) => new(new WatchlistDefinition
    {
        Id = ListId, Name = "Test list", Url = new Uri("https://lists.example/test.xml"), Format = WatchlistFormat.OfacSdnXml,
    }, entries, DateTimeOffset.UnixEpoch);

    public static RuleSet Rules(params WatchlistEntry[] entries)
    {
        var document = RulesFile.Parse($"rules:\n  - id: listed\n    query: '@{ListId}'\n", "rules.yaml");
        return RuleSet.Compile(document, WatchlistConcepts.From([Snapshot(entries)], 1));
    }

    public static bool Matches(RuleSet rules, string title, string text = "") => rules.Matcher.Match(new MatchInput(title, text)).Count > 0;
}
