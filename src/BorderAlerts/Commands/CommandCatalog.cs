using BorderAlerts.Core.Feeds;

namespace BorderAlerts.Commands;

public enum OptionKind { Text, Integer }

/// <summary>One option of a command or subcommand, as both Discord (typed option) and Slack (`name:value`) take it.</summary>
public sealed record OptionSpec(string Name, string Description, OptionKind Kind = OptionKind.Text, bool Required = false,
    IReadOnlyList<string>? Choices = null);

/// <summary>A subcommand such as `/rules add`; <see cref="Writes"/> marks the ones only admins may run.</summary>
public sealed record SubcommandSpec(string Name, string Description, bool Writes, IReadOnlyList<OptionSpec> Options, string Example);

/// <summary>A top-level chat command: either options of its own or subcommands, never both.</summary>
public sealed record CommandSpec(string Name, string Description, IReadOnlyList<OptionSpec> Options,
    IReadOnlyList<SubcommandSpec> Subcommands, string Example, bool AdminOnly = false)
{
    public SubcommandSpec? Subcommand(string name) => Subcommands.FirstOrDefault(s => s.Name == name);
}

/// <summary>
/// The chat command set of docs/architecture.md §8, in one place: `discord register` sends it to Discord, the Slack parser
/// checks words against it, and help and error messages quote its examples. Required options come first (Discord's rule).
/// </summary>
public static class CommandCatalog
{
    static readonly string[] Severities = ["low", "normal", "high", "critical"];
    static readonly string[] Languages = ["en", "zh", "ko", "ja"];
    static readonly string[] YesNo = ["yes", "no"];

    static OptionSpec Id(string what) => new("id", $"The {what} id", Required: true);

    public static readonly CommandSpec Search = new("search", "Search the archive (same query language as rules)",
        [
            new("query", "Words, \"phrases\", AND/OR/NOT, @concepts, title:…", Required: true),
            new("since", "Only items newer than this, e.g. 7d, 12h"),
            new("source", "Only items from this feed id"),
            new("lang", "Only items in this language", Choices: Languages),
        ], [], "/search 丹东 走私 since:7d");

    public static readonly CommandSpec Rules = new("rules", "List, test and (admins) edit alert rules", [],
        [
            new("list", "List the rules", false, [], "/rules list"),
            new("show", "Show one rule", false, [Id("rule")], "/rules show border-coal"),
            new("test", "Run the rules over a text", false,
                [new("text", "The text to match", Required: true), new("id", "Only this rule")], "/rules test text:\"丹东海关查获走私煤炭\""),
            new("backtest", "Run a rule over stored items", false,
                [Id("rule"), new("days", "How many days back (default 30)", OptionKind.Integer)], "/rules backtest border-coal days:30"),
            new("history", "Recent changes made from chat", false, [new("id", "Only changes to this rule")], "/rules history"),
            new("feedback", "Each rule's precision as the team judged its cards", false,
                [new("days", "How many days back (default 30)", OptionKind.Integer)], "/rules feedback days:7"),
            new("add", "Add a rule", true,
                [Id("rule"), new("query", "The rule's query", Required: true), new("severity", "Severity", Choices: Severities),
                 new("to", "Destination names, comma-separated")], "/rules add border-coal query:\"丹东 AND 煤炭\" severity:high"),
            new("edit", "Change a rule's query, severity or destinations", true,
                [Id("rule"), new("query", "New query"), new("severity", "New severity", Choices: Severities),
                 new("to", "New destination names, comma-separated")], "/rules edit border-coal severity:critical"),
            new("remove", "Remove a rule", true, [Id("rule")], "/rules remove border-coal"),
            new("enable", "Switch a rule on", true, [Id("rule")], "/rules enable border-coal"),
            new("disable", "Switch a rule off", true, [Id("rule")], "/rules disable border-coal"),
            new("undo", "Undo the latest change from chat (or the latest to one rule or feed)", true,
                [new("id", "Rule or feed id")], "/rules undo border-coal"),
        ], "/rules list");

    public static readonly CommandSpec Feeds = new("feeds", "List feeds and their health; (admins) add, pause and remove them", [],
        [
            new("list", "List the feeds", false, [], "/feeds list"),
            new("status", "One feed's health", false, [Id("feed")], "/feeds status kyodo-zh"),
            new("add", "Add a feed", true,
                [Id("feed"), new("url", "The feed's address (RSS, Atom or JSON Feed: HTML and JSON pages need selectors, in feeds.yaml)", Required: true),
                 new("language", "The feed's language tag, as in feeds.yaml: ko, zh-Hans, zh-Hant, ko-KP…"), new("every", "Poll interval, e.g. 10m"),
                 new("kind", $"Kind of outlet, shown on its cards: {string.Join(", ", SourceKinds.Known)}"),
                 new("dry-run", "yes: fetch and parse the feed and show what would be added, changing nothing", Choices: YesNo)],
                "/feeds add yonhap-nk url:https://example.org/nk.xml language:ko every:10m kind:wire"),
            new("pause", "Stop polling a feed", true, [Id("feed")], "/feeds pause kyodo-zh"),
            new("resume", "Poll a paused feed again", true, [Id("feed")], "/feeds resume kyodo-zh"),
            new("remove", "Remove a feed added from chat", true, [Id("feed")], "/feeds remove yonhap-nk"),
        ], "/feeds list");

    public static readonly CommandSpec Mute = new("mute", "Silence a rule or a destination for a while",
        [
            new("target", "A rule id or a destination name", Required: true),
            new("duration", "How long, e.g. 30m, 2h, 1d; 0 unmutes", Required: true),
        ], [], "/mute border-coal 2h", AdminOnly: true);

    public static readonly CommandSpec Watchlists = new("watchlists", "Look up designated vessels, firms and people on the sanctions lists", [],
        [
            new("find", "Entries whose name or alias holds the words", false,
                [new("name", "Words of the name, e.g. chon ma san", Required: true)], "/watchlists find name:\"chon ma san\""),
        ], "/watchlists find name:\"chon ma san\"");

    public static readonly CommandSpec Briefings = new("briefings", "Scheduled briefings: list them; (admins) post one now", [],
        [
            new("list", "The briefings, their schedules and last runs", false, [], "/briefings list"),
            new("run", "Post a briefing now, to its destinations", true, [Id("briefing")], "/briefings run morning"),
        ], "/briefings list");

    public static readonly CommandSpec Panel = new("panel", "A private one-time link to the web panel (sources, rules, alerts)", [], [], "/panel");

    public static readonly IReadOnlyList<CommandSpec> All = [Search, Rules, Feeds, Mute, Watchlists, Briefings, Panel];

    public static CommandSpec? Find(string name) => All.FirstOrDefault(c => c.Name == name);
}
