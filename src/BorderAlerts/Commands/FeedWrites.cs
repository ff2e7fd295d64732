using System.Text.RegularExpressions;
using BorderAlerts.Core.Admin;
using BorderAlerts.Core.Feeds;

namespace BorderAlerts.Commands;

/// <summary>
/// `/feeds add|pause|resume|remove` (admins only). A feed added from chat is untrusted: its address is checked now and
/// again at every connection, so it cannot reach private networks unless the settings allow it. feeds.yaml is never
/// rewritten; a feed defined there can be paused from chat but only removed in the file.
/// </summary>
public sealed partial class FeedWrites(IFeedCatalog catalog, AdminWriter writer, IFeedAddressCheck addresses, FeedDryRun dryRun)
{
    static readonly TimeSpan Shortest = TimeSpan.FromMinutes(1);

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$")]
    private static partial Regex IdPattern();

    /// <summary>A language tag as feeds.yaml takes them: en, ko, zh-Hans, zh-Hant, ko-KP, ja-JP…</summary>
    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$")]
    private static partial Regex LanguagePattern();

    public async Task<CommandReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var id = request.Required("id");
        if (request.Subcommand == "add" && request.Option("dry-run") == "yes")
            return await dryRun.RunAsync((await AddAsync(id, request, cancellationToken)).Feed!, cancellationToken);
        var seen = writer.Current.Get(AdminKinds.Feed, id);
        var state = AdminJson.Feed(seen);
        FeedOverride? after = request.Subcommand switch
        {
            "add" => await AddAsync(id, request, cancellationToken),
            "pause" => (state ?? new FeedOverride(null, false)) with { Paused = true },
            "resume" => state?.Feed is { } chat ? new FeedOverride(chat, false) : null,
            "remove" => state?.Feed is not null ? null
                : throw new CommandInputException($"{id} is defined in feeds.yaml: pause it here, or remove it from the file."),
            _ => throw new CommandInputException($"Unknown /feeds subcommand '{request.Subcommand}'."),
        };
        if (request.Subcommand != "add") FeedCommands.Find(catalog, id);
        var change = await writer.WriteAsync(new AdminWrite(request.Caller.Actor, AdminKinds.Feed, id, $"feeds {request.Subcommand}",
            after is null ? null : AdminJson.Feed(after), Expected: new AdminExpectation(seen)), cancellationToken);
        var verb = request.Subcommand switch { "add" => "added; its first poll records items without alerting", "pause" => "paused", "resume" => "resumed", _ => "removed" };
        return new CommandReply($"Feed {id} {verb} (change #{change.Id}; /rules undo {id} reverts it).");
    }

    async Task<FeedOverride> AddAsync(string id, CommandRequest request, CancellationToken cancellationToken)
    {
        if (!IdPattern().IsMatch(id)) throw new CommandInputException($"'{id}' is not a valid feed id: use a–z, 0–9, - and _, up to 64 characters.");
        if (catalog.Current().Feeds.Any(f => f.Id == id)) throw new CommandInputException($"A feed '{id}' exists already.");
        var type = request.Option("type") ?? "feed";
        if (type != "feed") throw new CommandInputException($"A {type} source needs selectors: add it to config/feeds.yaml. From chat, add RSS, Atom or JSON Feed sources.");
        var every = request.Option("every") is { } e ? DurationParser.TryParse(e, out var span) && span >= Shortest ? span
            : throw new CommandInputException($"every must be a duration of at least 1m (examples: 10m, 2h), not '{e}'.") : TimeSpan.FromMinutes(10);
        var language = request.Option("language");
        if (language is not null && !LanguagePattern().IsMatch(language))
            throw new CommandInputException($"language must be a language tag as in feeds.yaml (examples: ko, zh-Hans, zh-Hant, ko-KP), not '{language}'.");
        var kind = request.Option("kind") is { } k
            ? SourceKinds.Find(k) ?? throw new CommandInputException($"kind must be a kind as in feeds.yaml: {SourceKinds.NotOne(k)}.") : null;
        var url = request.Required("url");
        if (await addresses.CheckAsync(url, cancellationToken) is { } problem) throw new CommandInputException(problem);
        return new FeedOverride(new ChatFeed(id, url, FeedType.Feed, language, every, kind), false);
    }
}
